#!/usr/bin/env python3
"""Makes src/main/resources/referential/region-map.txt, the regions' outlines of the publication's map
(publish/RegionShapes), from france-geojson's regions-avec-outre-mer.geojson: IGN Admin Express COG 2018, Licence
Ouverte (https://github.com/gregoiredavid/france-geojson, commit 5d34ee6).

    python3 tools/region-map.py regions-avec-outre-mer.geojson > src/main/resources/referential/region-map.txt

Each region is projected (equirectangular, longitudes scaled by the cosine of the area's mean latitude, north up)
into the map's own units (points of a 555 x 365 drawing): metropolitan France with Corsica in one frame, each
overseas region fitted into an inset of the left column; then simplified (Douglas-Peucker, 0.35 pt) and islets
smaller than 1.5 square points dropped (a region keeps at least its largest ring). Standard library only."""
import json
import math
import sys

OVERSEAS = ["01", "02", "03", "04", "06"]
METRO_FRAME = (104.0, 6.0, 290.0, 353.0)  # x, y, width, height
INSET_X, INSET_Y, INSET_W, INSET_H, INSET_STEP, INSET_LABEL = 6.0, 4.0, 90.0, 64.0, 71.0, 15.0
TOLERANCE = 0.35
MIN_AREA = 1.5


def rings(geometry):
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [ring for poly in polys for ring in poly]


def area(ring):
    return 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))


def centroid(ring):
    a = area(ring)
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))
    return cx / (6 * a), cy / (6 * a)


def simplify(points, tolerance):
    """Douglas-Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else math.hypot(px - x1, py - y1)
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def fit(features, frame):
    """Projection of these features' rings into the frame, keeping proportions, centred."""
    lats = [lat for f in features for ring in rings(f["geometry"]) for _, lat in ring]
    k = math.cos(math.radians((min(lats) + max(lats)) / 2))
    projected = {f["properties"]["code"]: [[(lon * k, -lat) for lon, lat in ring] for ring in rings(f["geometry"])]
                 for f in features}
    xs = [x for rs in projected.values() for r in rs for x, _ in r]
    ys = [y for rs in projected.values() for r in rs for _, y in r]
    fx, fy, fw, fh = frame
    scale = min(fw / (max(xs) - min(xs)), fh / (max(ys) - min(ys)))
    ox = fx + (fw - (max(xs) - min(xs)) * scale) / 2
    oy = fy + (fh - (max(ys) - min(ys)) * scale) / 2
    return {code: [[(ox + (x - min(xs)) * scale, oy + (y - min(ys)) * scale) for x, y in r] for r in rs]
            for code, rs in projected.items()}


def main(path):
    features = json.load(open(path, encoding="utf-8"))["features"]
    by_code = {f["properties"]["code"]: f for f in features}
    shapes = fit([f for c, f in by_code.items() if c not in OVERSEAS], METRO_FRAME)
    print("# The 18 regions' outlines for the publication's map (publish/RegionShapes), in the drawing's points")
    print("# (555 x 365). Made by tools/region-map.py from france-geojson's regions-avec-outre-mer.geojson (commit")
    print("# 5d34ee6): IGN, Admin Express COG 2018, Licence Ouverte. Projected, simplified, islets dropped.")
    print("# inset;REGION;x;y;width;height   label;REGION;x;y   ring;REGION;x,y x,y ...")
    for i, code in enumerate(OVERSEAS):
        y = INSET_Y + i * INSET_STEP
        print("inset;%s;%.1f;%.1f;%.1f;%.1f" % (code, INSET_X, y, INSET_W, INSET_H))
        shapes.update(fit([by_code[code]], (INSET_X + 4, y + 3, INSET_W - 8, INSET_H - INSET_LABEL - 5)))
    for code in sorted(shapes):
        kept = [simplify(r, TOLERANCE) for r in shapes[code]]
        largest = max(kept, key=lambda r: abs(area(r)))
        kept = [r for r in kept if len(r) >= 4 and (r is largest or abs(area(r)) >= MIN_AREA)]
        cx, cy = centroid(largest)
        print("label;%s;%.1f;%.1f" % (code, cx, cy))
        for r in kept:
            print("ring;%s;%s" % (code, " ".join("%.1f,%.1f" % p for p in r)))


if __name__ == "__main__":
    main(sys.argv[1])
