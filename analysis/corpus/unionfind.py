"""Union-find over integer ids, shared by the desk's identities and its syndicated copies."""

from __future__ import annotations


class UnionFind:
    """Disjoint sets of ints. A set's root is its smallest member, so the grouping and each
    root do not depend on the order of the unions."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}  # every id seen by find/union, mapped towards its root

    def find(self, x: int) -> int:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def same(self, a: int, b: int) -> bool:
        """Whether ``a`` and ``b`` were joined (ids never seen are in no set)."""
        return a in self.parent and b in self.parent and self.find(a) == self.find(b)
