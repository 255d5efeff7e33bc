"""nginx with the site's front cache configuration, run on its own in a folder (`make bench`, tests/frontcache)."""

import os
import socket
from pathlib import Path

from django.template import Context

from pagecache.nginx import NGINX, PURGE_MODULE, engine, site_config

from .server import LocalServer, free_port


class FrontCache(LocalServer):
    """nginx in front of `upstream` (host:port), on two free local ports: visitors' and Wagtail's purges."""

    name = "nginx"

    def __init__(self, folder, upstream, *, workers=1, **options):
        self.folder = Path(folder)
        super().__init__(self.folder / "nginx.log")
        self.port, self.purge_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.purge_url = f"http://127.0.0.1:{self.purge_port}"
        self.upstream, self.workers, self.options = upstream, workers, options

    def __enter__(self):
        for folder in ("cache", "tmp"):
            (self.folder / folder).mkdir(parents=True, exist_ok=True)
        site = site_config(
            listen=f"127.0.0.1:{self.port}",
            purge_listen=f"127.0.0.1:{self.purge_port}",
            upstream=self.upstream,
            cache_dir=self.folder / "cache",
            **self.options,
        )
        (self.folder / "territoires.conf").write_text(site)
        main = {
            "folder": self.folder,
            "workers": self.workers,
            "purge_module": PURGE_MODULE,
            # As root, nginx's workers would otherwise switch to `nobody`, who cannot enter the folder.
            "as_root": os.geteuid() == 0,
        }
        main_config = engine.get_template("nginx.conf").render(Context(main, autoescape=False))
        (self.folder / "nginx.conf").write_text(main_config)
        return super().__enter__()

    def command(self):
        return [NGINX, "-p", str(self.folder), "-c", str(self.folder / "nginx.conf")]

    def is_ready(self):
        for port in (self.port, self.purge_port):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True

    def pids(self):
        """The master, its workers and the cache manager, which share the serving.

        Not the cache loader: it starts a minute after nginx, reads the cache folder once and exits.
        """
        return [self.process.pid, *(pid for pid in self.children() if b"cache loader" not in _title(pid))]


def _title(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # already gone
        return b"cache loader"
