"""Reading the round: spreadsheets (reader), their headers and values, settings, the normalised Round (data) and its loading and checking (load)."""
