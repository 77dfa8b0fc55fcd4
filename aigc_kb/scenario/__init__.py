"""Scenario analysis over unknown facts and contested doctrine (ASP)."""
