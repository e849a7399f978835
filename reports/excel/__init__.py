"""Workbook writers (scorecard, 赛马) and the cell helpers they share."""
