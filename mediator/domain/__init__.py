"""Pure domain rules of People's Mediation (人民调解). Imports nothing else of the project
except :mod:`mediator.errors`, and never Qt or a database."""
