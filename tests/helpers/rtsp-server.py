#!/usr/bin/python3
"""A real RTSP camera for the lane tests: GStreamer's RTSP server (Debian's gir1.2-gst-rtsp-server-1.0,
python3-gi, plugins good and bad) playing an H.264 MP4 file in real time at rtsp://127.0.0.1:PORT/camera.

  rtsp-server.py --port PORT --file VIDEO.mp4 [--shared]

--shared: one stream for every client, as a camera is: a client that joins late starts mid-stream,
between keyframes. Prints "ready PORT" on a line once it listens; stops on SIGTERM."""

import argparse
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--file", required=True)
parser.add_argument("--shared", action="store_true")
args = parser.parse_args()

Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(str(args.port))
factory = GstRtspServer.RTSPMediaFactory()
# The file is already H.264: demuxed and packetised, never re-encoded, so its keyframe interval is the camera's.
factory.set_launch(f'( filesrc location="{args.file}" ! qtdemux ! h264parse config-interval=-1 ! rtph264pay name=pay0 pt=96 )')
factory.set_shared(args.shared)
server.get_mount_points().add_factory("/camera", factory)
if server.attach(None) == 0:
    sys.exit(f"cannot listen on 127.0.0.1:{args.port}")

loop = GLib.MainLoop()
GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
print(f"ready {args.port}", flush=True)
loop.run()
