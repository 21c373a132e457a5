"""A read-only sequence whose items are read on first use, its length known at once."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


class LazySequence(Sequence[T]):
    """``count`` items that ``load`` reads when first needed (a group's figures, a quotation's
    appearances); ``len`` needs no read. ``what`` names the items in ``repr``."""

    def __init__(self, count: int, load: Callable[[], tuple[T, ...]], what: str = "items"
                 ) -> None:
        self._count = count
        self._load: Callable[[], tuple[T, ...]] | None = load
        self._items: tuple[T, ...] = ()
        self._what = what

    def _all(self) -> tuple[T, ...]:
        if self._load is not None:
            self._items, self._load = self._load(), None
            self._count = len(self._items)
        return self._items

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # type: ignore[override]
        return self._all()[index]

    def __iter__(self) -> Iterator[T]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return f"LazySequence({self._count} {self._what})"
