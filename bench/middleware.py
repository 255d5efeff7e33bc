"""Opt-in query counting for the benchmark's probe requests; installed by the bench settings only."""

from django.db import connection

REQUEST_HEADER = "X-Bench-Count-Queries"
RESPONSE_HEADER = "X-Bench-Queries"


def query_count_header(get_response):
    def middleware(request):
        if REQUEST_HEADER not in request.headers:
            return get_response(request)
        executed = []

        def count(execute, sql, params, many, context):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = get_response(request)
        response[RESPONSE_HEADER] = str(len(executed))
        return response

    return middleware
