"""A read-only Neutron stand-in for Nova Zed on loopback.

Nova Zed has no nova-network and asks Neutron for ports on server show/list/delete even when a
server was booted with networks "none". This answers those calls: every collection is empty, every
item is 404, DELETE is 204, writes are refused with 403. Usage: neutron_stub.py PORT
"""
import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
BASE = "http://127.0.0.1:%d" % PORT
COLLECTION = re.compile(r"^/v2\.0/(?:[a-z0-9-]+/)*?([a-z0-9_-]+?)(?:\.json)?/?$")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _send(self, status, body=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)
        self.close_connection = True

    def _path(self):
        return self.path.split("?", 1)[0]

    def do_GET(self):
        path = self._path()
        if path in ("", "/"):
            self._send(200, {"versions": [{"id": "v2.0", "status": "CURRENT",
                                           "links": [{"rel": "self", "href": BASE + "/v2.0/"}]}]})
        elif path in ("/v2.0", "/v2.0/"):
            self._send(200, {"resources": []})
        else:
            segments = [s for s in path.split("/") if s][1:]
            match = COLLECTION.match(path)
            if match and len(segments) % 2 == 1:
                self._send(200, {match.group(1).replace("-", "_"): []})
            else:
                self._send(404, {"NeutronError": {"type": "NotFound", "detail": "",
                                                  "message": "%s not found" % path}})

    def do_DELETE(self):
        self._send(204)

    def _refuse(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self._send(403, {"NeutronError": {"type": "Forbidden", "detail": "",
                                          "message": "this Neutron stub is read-only"}})

    do_POST = do_PUT = do_PATCH = _refuse

    def log_message(self, fmt, *args):
        sys.stdout.write("%s %s\n" % (self.log_date_time_string(), fmt % args))
        sys.stdout.flush()


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    print("neutron stub listening on %s" % BASE, flush=True)
    server.serve_forever()
