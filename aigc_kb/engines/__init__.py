"""The two engines (SWI-Prolog through pyswip, clingo), quoting and limits."""
