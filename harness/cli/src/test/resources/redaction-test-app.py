# A service that echoes the secrets it is sent and hands out its own (for RedactionCliTests).
import json, os, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlparse, parse_qs

COOKIE = os.environ.get("SESSION_SECRET", "cookie-SECRET-333")

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        body = json.dumps({
            "echo": self.headers.get("Authorization", ""),
            "q": query.get("access_token", [""])[0],
            "note": "custom-SECRET-666",
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Set-Cookie", "sid=" + COOKIE)
        self.send_header("X-Api-Key", "key-SECRET-444")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
