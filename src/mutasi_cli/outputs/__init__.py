"""What a plan produces: the reasons of each outcome (explain), the workbook (report), the problems workbook, decrees, the SIASN export, the diff of two plans."""
