import {
  BINARIZERS,
  CHARACTER_SETS,
  EAN_ADD_ON_SYMBOLS,
  TEXT_MODES,
  defaultReaderOptions,
  encodeFormats,
  prepareZXingModule,
  type ZXingReaderOptions,
  type ZXingReadResult,
} from 'zxing-wasm/reader';
import { detailedRegions, mapDetail, type DetailMap } from './detail-map';
import { cropFrame, positionInFrame, regionAround, upscaleRegion, type Region } from './frame-ops';
import {
  assertLuminanceFrame,
  type CodePosition,
  defaultDecodeOptions,
  type DecodedCode,
  type DecodeOptions,
  type DecoderEngine,
  fullFrameEvery,
  type LuminanceFrame,
  toEcLevel,
} from './types';

export interface ZxingWasmEngineOptions extends DecodeOptions {
  /**
   * The bytes of `zxing-wasm/reader/zxing_reader.wasm`, read by the host (Node: from node_modules;
   * browser: the bundled asset). Without them the package would fetch the file from a CDN.
   */
  wasmBinary: ArrayBuffer | Uint8Array;
}

/** The emscripten module behind zxing-wasm's `readBarcodes`, of which we use the low-level calls. */
interface ReaderModule {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  readBarcodesFromPixmap(pointer: number, width: number, height: number, options: ZXingReaderOptions): ResultVector;
}

/** An embind std::vector: it lives on the wasm heap until delete() is called. */
interface ResultVector {
  size(): number;
  get(index: number): ZXingReadResult | undefined;
  delete(): void;
}

/**
 * ZXing-C++ compiled to WebAssembly. We call `readBarcodesFromPixmap` ourselves instead of the
 * package's `readBarcodes`, which never deletes the result vector it gets from the wasm side: RSS
 * +99 MB over 30,000 decodes, against +3 MB over 100,000 for ours (bench/results/decode.md).
 * Grey frames also skip its RGBA→grey copy.
 * With `rescue`, a code that was detected but not read gets a second chance (see DecodeOptions).
 */
export async function createZxingWasmEngine(options: ZxingWasmEngineOptions): Promise<DecoderEngine> {
  const { maxCodes, tryInverted, tryHarder, rescue, track } = { ...defaultDecodeOptions, ...options };
  const wasmBinary = options.wasmBinary instanceof Uint8Array ? new Uint8Array(options.wasmBinary).buffer : options.wasmBinary;
  // Our overrides replace the package's defaults, whose locateFile points at a CDN. Engines given the
  // same binary share one module instance; each owns only its pixel buffer on the heap.
  const module = (await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true })) as unknown as ReaderModule;

  const readerOptions: ZXingReaderOptions = {
    ...defaultReaderOptions,
    formats: encodeFormats(['QRCode']),
    binarizer: BINARIZERS.indexOf('LocalAverage'),
    eanAddOnSymbol: EAN_ADD_ON_SYMBOLS.indexOf('Ignore'),
    // Plain: the payload itself (a GS1 code keeps its GS separators), no human-readable rewriting.
    textMode: TEXT_MODES.indexOf('Plain'),
    characterSet: CHARACTER_SETS.indexOf('Unknown'),
    tryHarder,
    tryInvert: tryInverted,
    // QR finder patterns are found at any angle; rotating only helps 1D codes.
    tryRotate: false,
    tryDownscale: tryHarder,
    maxNumberOfSymbols: maxCodes,
    // Failed detections are what the rescue works from.
    returnErrors: rescue,
  };
  const secondBinarizer: ZXingReaderOptions = { ...readerOptions, binarizer: BINARIZERS.indexOf('GlobalHistogram'), returnErrors: false };

  // One pixel buffer on the wasm heap, grown when a bigger frame comes, instead of a malloc per frame.
  let pointer = 0;
  let capacity = 0;
  let closed = false;
  // With `track`: where the last code was read, in a frame of that size, and frames read since the last whole one.
  let tracked: { region: Region; width: number; height: number } | null = null;
  let sinceWhole = 0;

  function read(frame: LuminanceFrame, options: ZXingReaderOptions): { codes: DecodedCode[]; failed: CodePosition[] } {
    if (frame.data.length > capacity) {
      if (pointer !== 0) module._free(pointer);
      pointer = module._malloc(frame.data.length);
      if (pointer === 0) throw new Error(`zxing-wasm: cannot allocate ${frame.data.length} bytes`);
      capacity = frame.data.length;
    }
    // HEAPU8 is re-read every time: the wasm memory may have grown and replaced the buffer.
    module.HEAPU8.set(frame.data, pointer);
    const results = module.readBarcodesFromPixmap(pointer, frame.width, frame.height, options);
    try {
      const found = { codes: [] as DecodedCode[], failed: [] as CodePosition[] };
      for (let i = 0; i < results.size(); i++) {
        const result = results.get(i);
        if (result?.isValid) found.codes.push(toDecodedCode(result));
        else if (result) found.failed.push(result.position);
      }
      return found;
    } finally {
      results.delete();
    }
  }

  /**
   * Our passes around ZXing-C++, for a frame where it read nothing: a second binarizer on what the
   * first pass saw, when it saw a code; then, at full resolution, the surroundings of every code it
   * detected but could not read and of every cluster of fine detail (small modules it did not
   * even detect: bench/results/decode.md), each read as it is and then enlarged 2×.
   */
  function rescueFrom(frame: LuminanceFrame, map: DetailMap, seen: LuminanceFrame, failed: CodePosition[]): DecodedCode[] {
    if (failed.length > 0) {
      const { codes } = read(seen, secondBinarizer);
      if (codes.length > 0) return codes.map((code) => ({ ...code, position: inFrame(code.position, seen, frame) }));
    }
    const regions = [...failed.slice(0, 2).map((position) => regionAround(position, 0.3, frame)), ...detailedRegions(map, frame, 3)];
    const found = new Map<string, DecodedCode>();
    for (const region of regions) {
      // Too small to hold a code; or big enough that its modules are not what failed.
      if (region.width < 16 || region.height < 16 || Math.max(region.width, region.height) > 640) continue;
      for (const code of readRegion(frame, region)) found.set(code.text, found.get(code.text) ?? code);
      if (found.size >= maxCodes) break;
    }
    return [...found.values()].slice(0, maxCodes);
  }

  /** A region at full resolution, then (small ones) enlarged 2×; positions in the frame's pixels. */
  function readRegion(frame: LuminanceFrame, region: Region): DecodedCode[] {
    for (const factor of Math.max(region.width, region.height) <= 480 ? [1, 2] : [1]) {
      const crop = factor === 1 ? cropFrame(frame, region) : upscaleRegion(frame, region, factor);
      const { codes } = read(crop, readerOptions);
      if (codes.length > 0) return codes.map((code) => ({ ...code, position: positionInFrame(code.position, region, factor) }));
    }
    return [];
  }

  /** Remembers where the one code read is, for the next frame (`track`); codes pass through. */
  function follow(codes: DecodedCode[], frame: LuminanceFrame): DecodedCode[] {
    if (!track) return codes;
    tracked = codes.length === 1 ? { region: regionAround(codes[0]!.position, 0.5, frame), width: frame.width, height: frame.height } : null;
    return codes;
  }

  /** The whole frame: ZXing-C++, then our rescue when it read nothing. */
  function readWhole(frame: LuminanceFrame): DecodedCode[] {
    sinceWhole = 0;
    // A big frame is first read halved: a quarter of the pixels to look at, and codes whose
    // modules survive the halving are read there; full resolution only where something is.
    const map = frame.width * frame.height >= halvingArea ? mapDetail(frame) : null;
    const seen = map?.half ?? frame;
    const { codes, failed } = read(seen, readerOptions);
    if (codes.length > 0) return codes.map((code) => ({ ...code, position: inFrame(code.position, seen, frame) }));
    return rescueFrom(frame, map ?? mapDetail(frame), seen, failed.map((position) => inFrame(position, seen, frame)));
  }

  return {
    name: 'zxing-wasm',
    async decode(frame: LuminanceFrame): Promise<DecodedCode[]> {
      if (closed) throw new Error('the zxing-wasm decoder is closed');
      assertLuminanceFrame(frame);
      if (!rescue) return read(frame, readerOptions).codes;
      // A tracked code is looked for where it was: a crop instead of the whole frame.
      if (tracked && tracked.width === frame.width && tracked.height === frame.height && ++sinceWhole < fullFrameEvery) {
        const codes = readRegion(frame, tracked.region);
        if (codes.length > 0) return follow(codes, frame);
      }
      return follow(readWhole(frame), frame);
    },
    close() {
      if (closed) return;
      closed = true;
      if (pointer !== 0) module._free(pointer);
      pointer = 0;
    },
  };
}

/** Frames from this size on (1080p: 2.1 MP) are first read halved; 720p (0.9 MP) whole. */
const halvingArea = 1_500_000;
const wholeFrame: Region = { left: 0, top: 0, width: 0, height: 0 };

/** A position found in what was read (the frame, or its halved copy) in the frame's pixels. */
function inFrame(position: CodePosition, seen: LuminanceFrame, frame: LuminanceFrame): CodePosition {
  return seen === frame ? position : positionInFrame(position, wholeFrame, 0.5);
}

function toDecodedCode(result: ZXingReadResult): DecodedCode {
  const { topLeft, topRight, bottomRight, bottomLeft } = result.position;
  return {
    text: result.text,
    position: { topLeft: { ...topLeft }, topRight: { ...topRight }, bottomRight: { ...bottomRight }, bottomLeft: { ...bottomLeft } },
    inverted: result.isInverted,
    ecLevel: toEcLevel(result.ecLevel),
  };
}
