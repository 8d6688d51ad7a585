"""Reports layer: tables for the terminal and JSON files for tools."""

from .tables import format_statement_table, format_check_table
from .files import write_json

__all__ = ["format_check_table", "format_statement_table", "write_json"]
