#!/usr/bin/python3
"""Builds the drawn map of a scenario: assets/maps/SCENARIO.territories.pb from
assets/maps/SCENARIO.map.json.

Run it once when a map spec changes and commit what it writes; neither the build nor the game
runs it. It needs Debian's python3-shapely, python3-mapbox-earcut, python3-numpy and
python3-protobuf, and protoc. A spec of kind "natural_earth" also needs the npm package
world-atlas (Natural Earth's countries, public domain): the script fetches it with `npm pack`
unless --atlas names a folder that holds countries-50m.json.

    tools/map/build_territories.py assets/maps/*.map.json

Two kinds of spec:
  natural_earth  each state is the union of today's countries it names (by Natural Earth's
                 name), optionally cut by a region drawn in the spec (West and East Germany);
                 projected by Lambert's azimuthal equal-area projection about a centre the spec
                 gives; the countries of no state are drawn as the land around.
  cells          a fictional scenario: each state gets the land nearer its map position than any
                 other state's on the same landmass, the landmasses drawn in the spec in the
                 scenario's own map coordinates.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

import mapbox_earcut
import numpy as np
from shapely.geometry import Point, Polygon, box
from shapely.ops import polylabel, unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EARTH_RADIUS_KM = 6371.0
ATLAS_PACKAGE = "world-atlas@2.0.2"


def load_protos(out_dir):
    """Generates the Python modules of the schema and imports what the script needs."""
    subprocess.run(["protoc", "-I", ROOT, "--python_out", out_dir, "protocol/map.proto",
                    "protocol/world.proto", "protocol/ruleset.proto"], check=True, cwd=ROOT)
    sys.path.insert(0, out_dir)
    from google.protobuf import text_format
    from protocol import map_pb2, world_pb2
    return map_pb2, world_pb2, text_format


def fetch_atlas(work):
    subprocess.run(["npm", "pack", "--silent", ATLAS_PACKAGE], check=True, cwd=work,
                   stdout=subprocess.DEVNULL)
    tarball = [f for f in os.listdir(work) if f.startswith("world-atlas") and f.endswith(".tgz")]
    subprocess.run(["tar", "xzf", tarball[0]], check=True, cwd=work)
    return os.path.join(work, "package")


def countries_from_topojson(path):
    """Natural Earth's countries by name, as shapely geometries in longitude and latitude."""
    topo = json.load(open(path))
    scale = topo["transform"]["scale"]
    translate = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def ring(indices):
        points = []
        for i in indices:
            part = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            points.extend(part if not points else part[1:])
        # A ring that crosses the antimeridian (Chukotka) jumps from +180 to -180: carry on past
        # 180 instead, so that the plane does not join the two ends the long way round.
        for k in range(1, len(points)):
            x, y = points[k]
            while x - points[k - 1][0] > 180:
                x -= 360
            while x - points[k - 1][0] < -180:
                x += 360
            points[k] = (x, y)
        return points

    def polygon(rings):
        shell = ring(rings[0])
        holes = [ring(r) for r in rings[1:]]
        return Polygon(shell, holes).buffer(0)

    out = {}
    for g in topo["objects"]["countries"]["geometries"]:
        if g["type"] == "Polygon":
            shape = polygon(g["arcs"])
        elif g["type"] == "MultiPolygon":
            shape = unary_union([polygon(p) for p in g["arcs"]])
        else:
            continue
        out[g["properties"]["name"]] = shape
    return out


def densify(coords, step):
    """Adds points along long edges, so that they bend as the projection bends them."""
    out = []
    for (x0, y0), (x1, y1) in zip(coords[:-1], coords[1:]):
        n = max(1, int(math.ceil(max(abs(x1 - x0), abs(y1 - y0)) / step)))
        for k in range(n):
            out.append((x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n))
    out.append(coords[-1])
    return out


def parts(geometry):
    if geometry.is_empty:
        return []
    if isinstance(geometry, Polygon):
        return [geometry]
    return [g for g in getattr(geometry, "geoms", []) if isinstance(g, Polygon) and not g.is_empty]


def map_polygons(geometry, fn):
    out = []
    for p in parts(geometry):
        shell = [fn(x, y) for x, y in p.exterior.coords]
        holes = [[fn(x, y) for x, y in r.coords] for r in p.interiors]
        out.append(Polygon(shell, holes).buffer(0))
    return unary_union(out) if out else Polygon()


class AzimuthalEqualArea:
    """Lambert's azimuthal equal-area projection about (lon0, lat0), in km, y to the north."""

    def __init__(self, lon0, lat0):
        self.lon0 = math.radians(lon0)
        self.sin0 = math.sin(math.radians(lat0))
        self.cos0 = math.cos(math.radians(lat0))

    def __call__(self, lon, lat):
        lam = math.radians(lon) - self.lon0
        phi = math.radians(lat)
        c = 1 + self.sin0 * math.sin(phi) + self.cos0 * math.cos(phi) * math.cos(lam)
        k = math.sqrt(2 / max(c, 1e-9))
        x = EARTH_RADIUS_KM * k * math.cos(phi) * math.sin(lam)
        y = EARTH_RADIUS_KM * k * (self.cos0 * math.sin(phi) -
                                   self.sin0 * math.cos(phi) * math.cos(lam))
        return x, y


def chaikin(points, rounds):
    """Rounds the corners of a closed outline drawn by hand."""
    for _ in range(rounds):
        out = []
        for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
            out.append((0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1))
            out.append((0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1))
        points = out
    return points


def nearer_than_others(p, others, bounds):
    """The convex cell of points nearer to p than to any of `others`, within the box `bounds`."""
    x0, y0, x1, y1 = bounds
    cell = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    for q in others:
        mx, my = (p[0] + q[0]) / 2, (p[1] + q[1]) / 2
        nx, ny = q[0] - p[0], q[1] - p[1]
        side = [(x - mx) * nx + (y - my) * ny for x, y in cell]  # <= 0: p's side
        clipped = []
        for k in range(len(cell)):
            a, b = cell[k], cell[(k + 1) % len(cell)]
            sa, sb = side[k], side[(k + 1) % len(cell)]
            if sa <= 0:
                clipped.append(a)
            if (sa < 0 < sb) or (sb < 0 < sa):
                t = sa / (sa - sb)
                clipped.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
        cell = clipped
        if len(cell) < 3:
            return Polygon()
    return Polygon(cell)


def territory_message(map_pb2, state, geometry, min_area):
    """Triangles, outlines and a label point of one territory (parts under min_area dropped)."""
    t = map_pb2.Territory(state=state)
    kept = [p for p in parts(geometry) if p.area >= min_area]
    if not kept:
        return None
    for p in kept:
        rings = [list(p.exterior.coords)[:-1]] + [list(r.coords)[:-1] for r in p.interiors]
        flat = np.array([c for r in rings for c in r], dtype=np.float64).reshape(-1, 2)
        ends = np.cumsum([len(r) for r in rings]).astype(np.uint32)
        for i in mapbox_earcut.triangulate_float64(flat, ends):
            t.triangles.extend([float(flat[i][0]), float(flat[i][1])])
        for r in rings:
            t.outlines.add().xy.extend([v for c in r for v in c])
    largest = max(kept, key=lambda p: p.area)
    label = polylabel(largest, tolerance=max(0.5, math.sqrt(largest.area) / 50))
    t.label_x, t.label_y = float(label.x), float(label.y)
    return t


def boxes(spec):
    """One box [west, south, east, north] or a list of them, in degrees, as one shape."""
    if isinstance(spec[0], (int, float)):
        return box(*spec)
    return unary_union([box(*b) for b in spec])


def natural_earth(spec, atlas):
    countries = countries_from_topojson(os.path.join(atlas, "countries-50m.json"))
    regions = {name: Polygon(points) for name, points in spec.get("regions", {}).items()}
    used = set()
    states = {}
    for state, how in spec["states"].items():
        names = how["countries"]
        missing = [n for n in names if n not in countries]
        if missing:
            sys.exit(f"{spec['scenario']}: {state} names {missing}, which Natural Earth does not "
                     f"have (its names are as in world-atlas, e.g. 'Bosnia and Herz.')")
        used.update(names)
        shape = unary_union([countries[n] for n in names])
        if "within" in how:
            shape = shape.intersection(regions[how["within"]])
        if "outside" in how:
            shape = shape.difference(regions[how["outside"]])
        if "keep" in how:  # lon/lat boxes: leave out far-flung islands
            shape = shape.intersection(boxes(how["keep"]))
        states[state] = shape
    clip = boxes(spec["clip"])
    land = unary_union([g for n, g in countries.items() if n not in used]).intersection(clip)

    project = AzimuthalEqualArea(*spec["centre"])

    def to_km(geometry):
        dense = map_polygons(geometry, lambda x, y: (x, y))
        out = []
        for p in parts(dense):
            shell = [project(*c) for c in densify(list(p.exterior.coords), 0.5)]
            holes = [[project(*c) for c in densify(list(r.coords), 0.5)] for r in p.interiors]
            out.append(Polygon(shell, holes).buffer(0))
        return unary_union(out) if out else Polygon()

    states_km = {s: to_km(g) for s, g in states.items()}
    land_km = to_km(land)
    x0, y0, x1, y1 = unary_union(list(states_km.values())).bounds
    margin = spec.get("margin", 0.04) * max(x1 - x0, y1 - y0)
    x0, y0, x1, y1 = x0 - margin, y0 - margin, x1 + margin, y1 + margin
    width = float(spec.get("width", 1000))
    units_per_km = width / (x1 - x0)
    height = (y1 - y0) * units_per_km
    frame = box(x0, y0, x1, y1)

    def to_units(geometry):
        g = map_polygons(geometry.intersection(frame),
                         lambda x, y: ((x - x0) * units_per_km, (y1 - y) * units_per_km))
        return g.simplify(spec.get("simplify", 0.35), preserve_topology=True)

    return ({s: to_units(g) for s, g in states_km.items()}, to_units(land_km), width, height,
            1.0 / units_per_km,
            f"Natural Earth (public domain), countries at 1:50m, from the npm package "
            f"{ATLAS_PACKAGE}; Lambert azimuthal equal-area about {spec['centre']}")


def cells(spec, scenario):
    positions = {s.id: (float(s.map_x), float(s.map_y)) for s in scenario.states}
    masses = [Polygon(chaikin([tuple(p) for p in points], spec.get("smooth", 2))).buffer(0)
              for points in spec["land"]]
    width = height = 1000.0
    states = {s: Polygon() for s in positions}
    around = []
    for mass in masses:
        here = {s: p for s, p in positions.items() if mass.contains(Point(p))}
        if not here:
            around.append(mass)
            continue
        if len(here) == 1:
            states[next(iter(here))] = mass
            continue
        for s, p in here.items():
            others = [q for t, q in here.items() if t != s]
            cell = nearer_than_others(p, others, (-1e4, -1e4, 1e4, 1e4))
            states[s] = unary_union([states[s], cell.intersection(mass)])
    km = scenario.km_per_map_unit or 12.0
    return (states, unary_union(around) if around else Polygon(), width, height, km,
            "Drawn for the scenario: each state holds the land nearer to it than to any other "
            "state on the same landmass")


def build(spec_path, atlas_dir, protos, work):
    map_pb2, world_pb2, text_format = protos
    spec = json.load(open(spec_path))
    name = spec["scenario"]
    scenario = world_pb2.Scenario()
    with open(os.path.join(ROOT, "assets", "scenarios", name + ".txtpb")) as f:
        text_format.Parse(f.read(), scenario, allow_unknown_field=False)
    if spec["kind"] == "natural_earth":
        atlas_dir = atlas_dir or fetch_atlas(work)
        states, land, width, height, km, source = natural_earth(spec, atlas_dir)
    elif spec["kind"] == "cells":
        states, land, width, height, km, source = cells(spec, scenario)
    else:
        sys.exit(f"{spec_path}: unknown kind {spec['kind']!r} (natural_earth or cells)")
    ids = [s.id for s in scenario.states]
    unknown = [s for s in states if s not in ids]
    if unknown:
        sys.exit(f"{spec_path}: {unknown} are not states of the scenario {name} ({ids})")

    out = map_pb2.TerritoryMap(scenario=name, width=width, height=height, source=source,
                               km_per_unit=km)
    min_area = spec.get("min_area", 0.6)
    for s in ids:
        if s in states:
            t = territory_message(map_pb2, s, states[s], min_area)
            if t is not None:
                out.territories.append(t)
    for p in parts(land):
        t = territory_message(map_pb2, "", p, min_area * 4)
        if t is not None:
            out.land.append(t)
    target = os.path.join(ROOT, "assets", "maps", name + ".territories.pb")
    with open(target, "wb") as f:
        f.write(out.SerializeToString())
    triangles = sum(len(t.triangles) // 6 for t in list(out.territories) + list(out.land))
    print(f"{target}: {len(out.territories)} territories, {len(out.land)} pieces of land around, "
          f"{triangles} triangles, {os.path.getsize(target)} bytes, {width:.0f} x {height:.0f}")
    return atlas_dir


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("specs", nargs="+", help="map specs, assets/maps/SCENARIO.map.json")
    parser.add_argument("--atlas", help="a folder holding world-atlas's countries-50m.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        protos = load_protos(work)
        atlas = args.atlas
        for spec in args.specs:
            atlas = build(spec, atlas, protos, work) or atlas


if __name__ == "__main__":
    main()
