import type { RenderProcessGoneDetails, WebContents } from 'electron';
import type { Logger } from '../core/logging/logger';
import { decideRestart, type RestartPolicy } from './restart-policy';

export interface SupervisedPage {
  webContents: Pick<WebContents, 'on' | 'reload'>;
  isDestroyed(): boolean;
}

export interface RendererSupervisorOptions {
  policy: RestartPolicy;
  logger: Logger;
  now(): number;
  /** A crash loop: the page will not come back by itself. */
  onGiveUp(reason: string): void;
}

/**
 * The officer's screen comes back after its renderer process dies (a GPU driver fault, out of
 * memory), with backoff; the core keeps recording meanwhile, since it runs in the main process.
 */
export function superviseRenderer(page: SupervisedPage, options: RendererSupervisorOptions): void {
  const log = options.logger.child({ scope: 'renderer-supervisor' });
  const crashes: number[] = [];
  page.webContents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    if (details.reason === 'clean-exit') return;
    const now = options.now();
    crashes.push(now);
    const decision = decideRestart(crashes, now, options.policy);
    log.error({ reason: details.reason, exitCode: details.exitCode, decision }, 'renderer process gone');
    if (!decision.restart) {
      options.onGiveUp(decision.reason);
      return;
    }
    setTimeout(() => {
      if (!page.isDestroyed()) page.webContents.reload();
    }, decision.delayMs);
  });
}
