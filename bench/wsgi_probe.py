"""A site's WSGI application in this process, serving the paired comparison's requests one at a time.

Started by bench.paired with the site's own Python, so that it imports nothing but Django and runs in
another project's virtualenv too: `python wsgi_probe.py <project folder> <settings module>`. Each line
on stdin is a path (`/recherche/?q=eau`) or `=app_label.Model`, which asks for the URL of that model's
first live page in tree order. Each answer is one JSON line on stdout.

A request's cost is the process's CPU time (time.process_time) around the whole WSGI call, closing
included: closing runs Django's request_finished handlers, which a real server runs too.
"""

import json
import os
import sys
import time
from io import BytesIO


def environ_for(path):
    path, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_ACCEPT": "text/html",
        "wsgi.url_scheme": "http",
        "wsgi.input": BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def first_page_url(label):
    from django.apps import apps

    page = apps.get_model(label).objects.live().order_by("path").first()
    return {"url": page.url if page else None}


def serve(application, connection, path):
    statements = []
    answer = {}

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    def start_response(status, headers, exc_info=None):
        answer["status"] = int(status.split()[0])

    with connection.execute_wrapper(count):
        started = time.process_time()
        result = application(environ_for(path), start_response)
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
        cpu = time.process_time() - started
    return {**answer, "cpu_ms": cpu * 1000, "queries": len(statements), "bytes": len(body)}


def main():
    project, settings = sys.argv[1:3]
    sys.path.insert(0, project)
    os.chdir(project)
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    from django.core.wsgi import get_wsgi_application
    from django.db import connection

    application = get_wsgi_application()
    for line in sys.stdin:
        request = line.strip()
        answer = first_page_url(request[1:]) if request.startswith("=") else serve(application, connection, request)
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
