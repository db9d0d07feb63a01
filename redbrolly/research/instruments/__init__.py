"""Research questionnaires defined as data, with their published scoring.

`library` loads the study's instruments from `definitions/`, `xlsform` imports forms designed in
a spreadsheet, `model` validates answers against an instrument's skip logic, and `scoring` turns
answers into the score columns of the analysis datasets. Nothing here needs Django or a database.
"""
