"""Printable handouts: composing one (``compose``, Qt-free) and painting it (``pdf``, Qt).

Nothing here imports Qt at package level, so ``bodymap handout`` can check its arguments first.
"""
