"""Printable documents (PDF, Word, Excel) in the official format of Decree 30/2020."""
