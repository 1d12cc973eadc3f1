"""Tools that build, check and run the course (not imported by the notebooks).

Everything here uses the standard library only, so that ``course.py`` can run
it before the course's own environment exists.
"""
