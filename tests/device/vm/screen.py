"""screen: images of the kiosk's screen, read and compared without any image library.

QEMU's screendump writes PPM (P6); the kiosk's script mode writes PNG (8-bit RGB or RGBA,
non-interlaced, as SDL_image writes it). Both become an Image: width, height and a bytes object
of RGB triples. Comparisons sample every STEP-th pixel in both directions (a 1280x800 screen is
then 64,000 pixels: fast enough in pure Python, and a misdrawn screen differs in far more than
one sample in four). `differing()` is the share of sampled pixels whose colour differs by more
than a per-channel threshold from the reference: anti-aliasing and a different renderer (Mesa
on the device, SDL's software renderer on the host) move edges by a pixel and shade them
differently, which a threshold and a small allowed share absorb, while a blank, clear-colour-only
or different screen differs wherever the reference has text. `ink()` is the share of sampled
pixels that differ from the screen's most common colour, so "something is drawn" can be told
from a screen of one colour. PNG is also written (for people to look at failed screens).
"""

import struct
import zlib
from collections import Counter

STEP = 2


class Image:
    def __init__(self, width, height, rgb):
        assert len(rgb) == width * height * 3
        self.width, self.height, self.rgb = width, height, rgb

    def samples(self):
        """Every STEP-th pixel of every STEP-th row, as (r, g, b) tuples."""
        w, rgb = self.width, self.rgb
        for y in range(0, self.height, STEP):
            row = y * w * 3
            for x in range(0, w, STEP):
                i = row + x * 3
                yield rgb[i], rgb[i + 1], rgb[i + 2]


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maxval; '#' comments skipped
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError(f"{path}: not an 8-bit P6 PPM")
    width, height = int(fields[1]), int(fields[2])
    return Image(width, height, data[pos + 1:pos + 1 + width * height * 3])


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(raw, width, height, bpp):
    stride = width * bpp
    out = bytearray(stride * height)
    prev = bytearray(stride)
    pos = 0
    for y in range(height):
        kind = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up_left = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(left, prev[i], up_left)) & 255
        elif kind != 0:
            raise ValueError(f"PNG filter {kind}")
        out[y * stride:(y + 1) * stride] = line
        prev = line
    return bytes(out)


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"{path}: only 8-bit RGB/RGBA non-interlaced PNG is read")
    bpp = 3 if colour == 2 else 4
    pixels = _unfilter(zlib.decompress(b"".join(idat)), width, height, bpp)
    if bpp == 4:
        pixels = b"".join(pixels[i:i + 3] for i in range(0, len(pixels), 4))
    return Image(width, height, pixels)


def read(path):
    return read_png(path) if str(path).endswith(".png") else read_ppm(path)


def write_png(image, path):
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    stride = image.width * 3
    raw = b"".join(b"\0" + image.rgb[y * stride:(y + 1) * stride] for y in range(image.height))
    header = struct.pack(">IIBBBBB", image.width, image.height, 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) +
                chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def differing(image, reference, threshold=48):
    """Share (0..1) of sampled pixels differing by more than threshold in some channel; 1.0 when
    the sizes differ."""
    if (image.width, image.height) != (reference.width, reference.height):
        return 1.0
    total = bad = 0
    for a, b in zip(image.samples(), reference.samples()):
        total += 1
        if (abs(a[0] - b[0]) > threshold or abs(a[1] - b[1]) > threshold or
                abs(a[2] - b[2]) > threshold):
            bad += 1
    return bad / total


def ink(image):
    """Share (0..1) of sampled pixels that are not the most common colour."""
    counts = Counter(image.samples())
    total = sum(counts.values())
    return 1 - counts.most_common(1)[0][1] / total


def brightest(image):
    """The largest channel value on the screen (0 for an all-black screen)."""
    return max(image.rgb) if image.rgb else 0
