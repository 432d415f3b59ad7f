"""Valid national identifiers for whole columns at once: NHS numbers and UPNs.

The check digit and check letter follow sightline.people.identifiers (modulus 11; DfE's UPN
check letter), computed over numpy digit matrices rather than one string at a time.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from sightline.people.identifiers import UPN_LETTERS

# Each authority of a run draws from its own block of nine-digit bodies, so NHS numbers stay
# unique across a national run (6 x 10^8 bodies / 152 authorities is 3.9 million each).
_NHS_FIRST, _NHS_BLOCK = 400_000_000, 3_900_000


def nhs_numbers(rng: np.random.Generator, n: int, *, block: int = 0) -> np.ndarray:
    """n distinct valid NHS numbers as 10-character strings."""
    start = _NHS_FIRST + block * _NHS_BLOCK
    bodies = start + rng.choice(_NHS_BLOCK, size=min(_NHS_BLOCK, int(n * 1.15) + 64), replace=False)
    digits = (bodies[:, None] // 10 ** np.arange(8, -1, -1)) % 10
    check = 11 - (digits * np.arange(10, 1, -1)).sum(axis=1) % 11
    check = np.where(check == 11, 0, check)
    keep = check != 10
    numbers = bodies[keep] * 10 + check[keep]
    if numbers.size < n:
        raise ValueError(f"Could not draw {n} NHS numbers from one block.")
    numbers = numbers[:n]
    return pl.Series(numbers).cast(pl.String).to_numpy()


def upns(la_code: int, establishment: np.ndarray, year: np.ndarray, serial: np.ndarray) -> np.ndarray:
    """UPNs for pupils: check letter, LA code, DfE establishment number, 2-digit year, 3-digit serial."""
    body = np.char.add(np.char.add(np.char.add(f"{la_code:03d}", np.char.zfill(establishment.astype("U4"), 4)),
                                   np.char.zfill((year % 100).astype("U2"), 2)),
                       np.char.zfill((serial % 1000).astype("U3"), 3))
    digits = np.frombuffer(body.astype("S12").tobytes(), dtype=np.uint8).reshape(-1, 12) - ord("0")
    total = (digits * np.arange(2, 14)).sum(axis=1)
    letters = np.array(list(UPN_LETTERS))[total % 23]
    return np.char.add(letters, body)
