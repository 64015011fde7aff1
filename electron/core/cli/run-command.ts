import { Option, type Command } from 'commander';
import type { LaneConfig } from '../../../shared/config/station-config';
import { defaultEngineName, engineNames, type EngineName } from '../../../shared/decoding/types';
import type { LaneScan } from '../lanes/lane-manager';
import { sourceForUri } from '../lanes/sources/open-source';
import { bootStation } from '../boot';
import { nodePlatform } from '../node-platform';
import { hostOption, withCommonOptions, type CommonOptions } from './common-options';
import { UsageError } from './usage-error';

interface RunOptions extends CommonOptions {
  source?: string[];
  engine: EngineName;
  dedupeMs?: number;
  showPayload?: boolean;
}

export function registerRunCommand(program: Command): void {
  withCommonOptions(program.command('run'))
    .description('run lanes headless: one JSON line {id, lane, frame, kind, verdict} per passage, once it is stored; ends with the input for file sources')
    .addOption(new Option('--source <uri...>', 'lane sources (file:…, rtsp://…, http(s)://…, v4l2:/dev/videoN, serial:…); default: the configured lanes'))
    .addOption(new Option('--engine <name>', 'decoder engine').choices(engineNames).default(defaultEngineName))
    .addOption(new Option('--dedupe-ms <ms>', 'the same code within this long is one passage (default: the config, 5000)').argParser(parseMs))
    .addOption(hostOption('api'))
    .addOption(new Option('--show-payload', 'add the decoded text to each line (personal data: off by default)'))
    .action(async (options: RunOptions) => {
      const booted = await bootStation(nodePlatform('headless'), {
        configFile: options.config,
        dataDir: options.data,
        apiUrl: options.api,
        // Before the database is touched: lanes it cannot read are a usage error.
        adjustConfig: (config) => ({ ...config, lanes: lanesToRun(options.source, config.lanes), dedupeWindowMs: options.dedupeMs ?? config.dedupeWindowMs }),
        engine: options.engine,
      });
      const { station } = booted;
      const lanes = booted.config.lanes;
      let notRecorded = 0;
      station.lanes.onScan((scan) => {
        if (scan.result.passageId === null) notRecorded += 1;
        printScan(scan, options.showPayload === true);
      });
      station.lanes.start();
      const stopped = new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
      });
      // Live sources run until stopped; when every lane is a file, the run ends with them.
      const allFiles = lanes.every((lane) => lane.source.startsWith('file:'));
      await (allFiles ? Promise.race([station.lanes.whenEnded(), stopped]) : stopped);
      const failed = station.status().lanes.filter((lane) => lane.state === 'failed');
      await booted.close();
      for (const lane of failed) process.stderr.write(`station: lane ${lane.id} (${lane.source}): ${lane.lastError}\n`);
      // A run that could not keep a record of every code it was shown has not done its job.
      if (notRecorded > 0) process.stderr.write(`station: ${notRecorded} passage(s) shown were NOT RECORDED\n`);
      if (failed.length > 0 || notRecorded > 0) process.exitCode = 1;
    });
}

/** `--source` URIs become lanes lane-1…; without them, the configured lanes the core can read. */
function lanesToRun(sources: string[] | undefined, configured: LaneConfig[]): LaneConfig[] {
  const lanes = sources?.map((source, index) => ({ id: `lane-${index + 1}`, name: `Làn ${index + 1}`, source })) ?? configured;
  for (const lane of lanes) {
    let readable;
    try {
      readable = sourceForUri(lane.source) !== null;
    } catch (error) {
      throw new UsageError(`--source ${lane.source}: ${(error as Error).message}`);
    }
    if (!readable) throw new UsageError(`${lane.source}: webcam and keyboard lanes are read by the app window, not headless`);
  }
  return lanes;
}

/** Printed only once the passage is on disk; a scan that is NOT RECORDED goes to stderr instead. */
function printScan({ laneId, frame, text, result }: LaneScan, showPayload: boolean): void {
  const line = { lane: laneId, frame, kind: result.codeKind, verdict: result.verdict };
  if (result.passageId === null) {
    process.stderr.write(`${JSON.stringify({ ...line, recorded: false, error: result.recordError })}\n`);
  } else {
    process.stdout.write(`${JSON.stringify({ id: result.passageId, ...line, ...(showPayload ? { text } : {}) })}\n`);
  }
}

function parseMs(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) throw new UsageError(`--dedupe-ms: not a number of milliseconds (0 to 600000): ${value}`);
  return ms;
}
