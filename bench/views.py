from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
def floor(request):
    """The cheapest page the stack renders: a small template, no database. Page costs are read against it.

    Never cached, so that with the page cache on it still measures rendering, not a cache hit.
    """
    return render(request, "bench/floor.html")
