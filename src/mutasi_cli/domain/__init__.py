"""The reference tables of the domain: grades, retirement ages, career ladders, Bungo's kecamatan."""
