"""A test server for Parity's HTTP end-to-end tests. Usage: python3 http-test-app.py PORT (VARIANT=legacy|candidate)."""
import os
import socket
import struct
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VARIANT = os.environ.get("VARIANT", "legacy")
CANDIDATE = VARIANT == "candidate"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (VARIANT, fmt % args))
        sys.stderr.flush()

    def reply(self, status, body, content_type="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/health":
            return self.reply(200, b"ok")
        if self.path == "/missing":
            return self.reply(404, b"not here")
        if self.path == "/item":
            name = b"Anne" if CANDIDATE else b"Ann"
            return self.reply(200, b'{"id":1,"name":"' + name + b'","tags":["a","b"]}', "application/json")
        if CANDIDATE and self.path == "/boom":
            return self.reply(500, b"Internal Server Error")
        if CANDIDATE and self.path == "/drop":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"only ten b")
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            return
        if CANDIDATE and self.path == "/hang":
            time.sleep(3600)
        if CANDIDATE and self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
            chunk = b"x" * (1024 * 1024)
            try:
                for _ in range(50):
                    self.wfile.write(chunk)
            except OSError:
                pass
            return
        self.reply(200, b"same")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        self.reply(200, self.rfile.read(length), self.headers.get("Content-Type", "text/plain"))


class Server(ThreadingHTTPServer):
    daemon_threads = True


if __name__ == "__main__":
    print(VARIANT, "listening on", sys.argv[1], flush=True)
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
