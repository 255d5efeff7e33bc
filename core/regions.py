"""The French region of a postal code, for the `addressRegion` of schema.org addresses.

A postal code starts with its department's number (two digits; three overseas, and Corsica's 20
shares its start with 2A and 2B), which belongs to exactly one region.
"""

DEPARTMENTS_BY_REGION = {
    "Auvergne-Rhône-Alpes": "01 03 07 15 26 38 42 43 63 69 73 74",
    "Bourgogne-Franche-Comté": "21 25 39 58 70 71 89 90",
    "Bretagne": "22 29 35 56",
    "Centre-Val de Loire": "18 28 36 37 41 45",
    "Corse": "20",
    "Grand Est": "08 10 51 52 54 55 57 67 68 88",
    "Hauts-de-France": "02 59 60 62 80",
    "Île-de-France": "75 77 78 91 92 93 94 95",
    "Normandie": "14 27 50 61 76",
    "Nouvelle-Aquitaine": "16 17 19 23 24 33 40 47 64 79 86 87",
    "Occitanie": "09 11 12 30 31 32 34 46 48 65 66 81 82",
    "Pays de la Loire": "44 49 53 72 85",
    "Provence-Alpes-Côte d'Azur": "04 05 06 13 83 84",
    "Guadeloupe": "971",
    "Martinique": "972",
    "Guyane": "973",
    "La Réunion": "974",
    "Mayotte": "976",
}
REGION_OF_DEPARTMENT = {
    number: region for region, numbers in DEPARTMENTS_BY_REGION.items() for number in numbers.split()
}


def region_of(postal_code):
    """« Hauts-de-France » for 59000; "" for an empty, foreign or malformed code."""
    code = (postal_code or "").replace(" ", "")
    if len(code) != 5 or not code.isdigit():
        return ""
    return REGION_OF_DEPARTMENT.get(code[:3]) or REGION_OF_DEPARTMENT.get(code[:2], "")
