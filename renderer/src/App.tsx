import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../shared/contract/client';
import type { StationStatus } from '../../shared/contract/status';
import type { OfficerSession } from '../../shared/records/officer';
import { DeclarationForm } from './declaration/DeclarationForm';
import { manualLaneId } from './declaration/manual-lane';
import { HistoryView } from './history/HistoryView';
import { LanguageSwitch } from './LanguageSwitch';
import { OfficerBadge } from './officer/OfficerBadge';
import { SetupScreen } from './officer/SetupScreen';
import { SignInScreen } from './officer/SignInScreen';
import { usePassageActions } from './passage/use-passage-actions';
import { ScanView } from './scan/ScanView';
import { useScanFeed, type ScanFeed } from './scan/use-scan-feed';
import { VerdictPanel, type VerdictActions } from './scan/VerdictPanel';
import { SettingsView } from './settings/SettingsView';
import { ShiftDashboard } from './shift/ShiftDashboard';
import { NavTabs } from './shell/NavTabs';
import { StatusBar } from './shell/StatusBar';
import { ThemeToggle } from './shell/ThemeToggle';
import { useFormatters } from './shell/use-formatters';
import { useShortcuts } from './shell/use-shortcuts';
import { viewsFor, type View } from './shell/views';
import { OfficersView } from './officers/OfficersView';
import { StatusScreen } from './status/StatusScreen';
import { useStationStatus } from './status/use-station-status';
import type { LinkState } from './transport/websocket-transport';

export function App({ client, linkState }: { client: StationClient; linkState: LinkState }) {
  const { t } = useTranslation();
  const state = useStationStatus(client);
  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        {state.kind === 'loaded' && <span className="header-checkpoint">{state.status.checkpoint.name}</span>}
        <span className="header-tools">
          {state.kind === 'loaded' && state.status.officer !== null && <OfficerBadge officer={state.status.officer} client={client} />}
          <ThemeToggle />
          <LanguageSwitch />
        </span>
      </header>
      {linkState !== 'open' && (
        <p className="banner" role="status">
          {t(`app.link.${linkState}`)}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="banner banner-error" role="alert">
          {t('app.loadFailed', { message: state.message })}
        </p>
      )}
      {state.kind === 'loaded' && <Station client={client} status={state.status} />}
      {state.kind === 'loaded' && <StatusBar status={state.status} />}
    </div>
  );
}

/**
 * Whoever is at the desk. The lanes (webcam capture, keyboard wedge, their cards) stay mounted for
 * the window's whole life, at the setup and sign-in screens too: a traffic lane runs unattended,
 * and signing in or out never interrupts a camera.
 */
function Station({ client, status }: { client: StationClient; status: StationStatus }) {
  const { officer } = status;
  const [chosen, setView] = useState<View>('scan');
  const feed = useScanFeed(client);
  const actions = usePassageActions(client);
  const allowed = officer === null ? [] : viewsFor(officer.role);
  // A shortcut to a screen this role does not have (or a role just changed) stays on the scan screen.
  const view = allowed.includes(chosen) ? chosen : 'scan';
  const latest = feed.latest;
  const verdictActions = {
    onOverride: (passageId: string) => latest !== null && actions.openOverride(passageId, latest.verdict),
    onAnnotate: (passageId: string) => actions.openAnnotate(passageId),
  };
  useShortcuts((shortcut) => {
    if (officer === null) return;
    if (shortcut.kind === 'view') setView(shortcut.view);
    else if (shortcut.kind === 'clear-verdict') feed.clear();
    else if (latest?.passageId != null) {
      if (shortcut.kind === 'override') actions.openOverride(latest.passageId, latest.verdict);
      else actions.openAnnotate(latest.passageId);
    }
  });

  const signIn =
    officer !== null ? null : status.setupRequired ? (
      // Then to the settings: enrolment and the checkpoint's lanes come next.
      <SetupScreen client={client} onDone={() => setView('settings')} />
    ) : (
      <SignInScreen client={client} checkpointName={status.checkpoint.name} />
    );

  return (
    <>
      {officer !== null && <OnShift client={client} status={status} officer={officer} view={view} allowed={allowed} onSelect={setView} feed={feed} verdictActions={verdictActions} />}
      {/* Hidden, never unmounted, while another screen is open. */}
      <div hidden={officer !== null && view !== 'scan'}>
        <ScanView client={client} lanes={status.lanes} feed={feed} actions={verdictActions} signIn={signIn} />
      </div>
      {officer !== null && actions.dialog}
    </>
  );
}

/** The screens of a signed-in officer besides the scan screen. Scans are followed (panel, sound, lanes) whichever screen is open. */
function OnShift({
  client,
  status,
  officer,
  view,
  allowed,
  onSelect,
  feed,
  verdictActions,
}: {
  client: StationClient;
  status: StationStatus;
  officer: OfficerSession;
  view: View;
  allowed: readonly View[];
  onSelect(view: View): void;
  feed: ScanFeed;
  verdictActions: VerdictActions;
}) {
  const { laneName } = useFormatters(status.lanes);
  const latest = feed.latest;
  // Beside the form, only what the form decided: a camera's verdict for someone else would mislead.
  const declared = latest?.laneId === manualLaneId ? latest : null;

  return (
    <>
      <NavTabs current={view} allowed={allowed} onSelect={onSelect} />
      {view === 'declaration' && (
        <main className="declaration-view">
          <DeclarationForm client={client} />
          <VerdictPanel scan={declared} laneName={declared === null ? null : laneName(declared.laneId)} {...verdictActions} />
        </main>
      )}
      {view === 'history' && <HistoryView client={client} lanes={status.lanes} mayUnmask={officer.role === 'supervisor'} />}
      {view === 'shift' && <ShiftDashboard client={client} officer={officer} />}
      {view === 'status' && <StatusScreen status={status} client={client} />}
      {view === 'settings' && <SettingsView client={client} />}
      {view === 'officers' && <OfficersView client={client} signedIn={officer.officerId} />}
    </>
  );
}
