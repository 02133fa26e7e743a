"""The rules of a move (eligibility), the fit score of level 3 (scoring) and the election freeze."""
