"""mutasi: plan rounds of civil-servant rotation (mutasi ASN) as an exact optimisation."""

__version__ = "0.1.0"
