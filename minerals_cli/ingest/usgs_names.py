"""The one table of USGS names: Fig. 2 rows and MCS chapters -> our commodity ids, forms and categories.

A new USGS name is one line here.  Names are upper case as USGS prints them
(a Fig. 2 row before its first comma, a chapter title); the comment says
where a name appears only in one of the two files.
"""

from __future__ import annotations

import re

# Fig. 2 row or MCS chapter -> commodity id: the row whose NIR is the commodity's
# own (the form the critical-minerals tables use), or the chapter that is one commodity.
COMMODITY_OF = {
    "ALUMINUM": "aluminum",  # chapter
    "ANTIMONY": "antimony",
    "ARSENIC": "arsenic",
    "BARITE": "barite",
    "BAUXITE": "aluminum",  # Fig. 2 row
    "BAUXITE AND ALUMINA": "aluminum",  # chapter
    "BERYLLIUM": "beryllium",
    "BISMUTH": "bismuth",
    "BORON": "boron",
    "CESIUM": "cesium",
    "CHROMIUM": "chromium",
    "COBALT": "cobalt",
    "COPPER": "copper",
    "FLUORSPAR": "fluorspar",
    "GALLIUM": "gallium",
    "GERMANIUM": "germanium",
    "GRAPHITE (NATURAL)": "graphite",
    "HAFNIUM": "hafnium",  # Fig. 2 row
    "HELIUM": "helium",  # Fig. 2 row
    "INDIUM": "indium",
    "LEAD": "lead",
    "LITHIUM": "lithium",
    "MAGNESIUM COMPOUNDS": "magnesium",  # chapter
    "MAGNESIUM METAL": "magnesium",
    "MANGANESE": "manganese",
    "NICKEL": "nickel",
    "NIOBIUM (COLUMBIUM)": "niobium",
    "PALLADIUM": "palladium",  # Fig. 2 row
    "PHOSPHATE ROCK": "phosphate",
    "PLATINUM": "platinum",  # Fig. 2 row
    "POTASH": "potash",
    "RARE EARTHS": "rare earths",
    "RARE EARTHS (HEAVY)": "rare earths",  # chapter
    "RHENIUM": "rhenium",
    "RUBIDIUM": "rubidium",
    "SCANDIUM": "scandium",
    "SILICON": "silicon",
    "SILVER": "silver",
    "STRONTIUM": "strontium",
    "TANTALUM": "tantalum",
    "TELLURIUM": "tellurium",
    "TIN": "tin",
    "TITANIUM": "titanium",  # Fig. 2 row
    "TITANIUM AND TITANIUM DIOXIDE": "titanium",  # chapter
    "TITANIUM MINERAL CONCENTRATES": "titanium",  # chapter
    "TUNGSTEN": "tungsten",
    "VANADIUM": "vanadium",
    "YTTRIUM": "yttrium",
    "ZINC": "zinc",
    "ZIRCONIUM": "zirconium",  # Fig. 2 row
}

# Fig. 2 rows that are another form of one of our commodities -> the form's own record (LEVELS), not the
# commodity's NIR.  Antimony, chromium and manganese categories are categories of one chapter with one NIR,
# and titanium dioxide pigment has no Fig. 2 row: they stay share categories of their commodity.
FIG2_OTHER_FORMS = {
    "ALUMINA": "alumina",
    "ALUMINUM": "aluminum metal",
    "MAGNESIUM COMPOUNDS": "magnesium compounds",
    "TITANIUM MINERAL CONCENTRATES": "titanium mineral concentrates",
}

# The form whose NIR stands for the commodity (USGS critical-minerals salient tables).
FORMS = {
    "aluminum": "bauxite",
    "antimony": "metal and oxide",
    "arsenic": "all forms",
    "bismuth": "metal, alloys, and scrap",
    "chromium": "all forms",
    "cobalt": "metal, oxides, and salts",
    "copper": "refined metal",
    "gallium": "metal",
    "graphite": "natural graphite",
    "lead": "refined metal",
    "magnesium": "metal",
    "manganese": "manganese content",
    "nickel": "total, including nickel in scrap",
    "niobium": "niobium (columbium)",
    "phosphate": "phosphate rock",
    "rare earths": "compounds and metals",
    "rare earths (heavy)": "compounds and metals",
    "silicon": "silicon metal and ferrosilicon",
    "tin": "refined metal",
    "titanium": "sponge metal",
    "yttrium": "compounds",
    "zinc": "refined metal",
    "zirconium": "ores and concentrates",
    # the other forms USGS publishes, each a record of its own (FIG2_OTHER_FORMS)
    "alumina": "alumina",
    "aluminum metal": "metal",
    "magnesium compounds": "compounds",
    "titanium mineral concentrates": "mineral concentrates",
}

# Chapters that hold several commodities: (chapter, `Commodity` column) -> id; others are skipped.
CHAPTER_PARTS = {
    ("HELIUM AND RARE GASES", "helium"): "helium",
    ("PLATINUM-GROUP METALS", "palladium"): "palladium",
    ("PLATINUM-GROUP METALS", "platinum"): "platinum",
    ("ZIRCONIUM AND HAFNIUM", "hafnium"): "hafnium",
    ("ZIRCONIUM AND HAFNIUM", "zirconium"): "zirconium",
}

# Records more specific than a chapter's commodity: (chapter, `Commodity` column) -> record id.  USGS's
# heavy-rare-earth chapter (new in MCS 2026) prints a subgroup reliance and element share lists; the chapters
# (or a chapter's part) of another form of a commodity print that form's NIR series and share lists.
SPECIFIC_PARTS = {
    ("ALUMINUM", "aluminum"): "aluminum metal",
    ("BAUXITE AND ALUMINA", "alumina"): "alumina",
    ("MAGNESIUM COMPOUNDS", "magnesium compounds"): "magnesium compounds",
    ("TITANIUM MINERAL CONCENTRATES", "titanium mineral concentrates"): "titanium mineral concentrates",
    ("RARE EARTHS (HEAVY)", "rare earths (heavy)"): "rare earths (heavy)",
    ("RARE EARTHS (HEAVY)", "terbium"): "terbium",
    ("RARE EARTHS (HEAVY)", "holmium"): "holmium",
    ("RARE EARTHS (HEAVY)", "erbium"): "erbium",
    ("RARE EARTHS (HEAVY)", "ytterbium"): "ytterbium",
    ("RARE EARTHS (HEAVY)", "lutetium"): "lutetium",
}
# What a record of several levels is: its level, the record whose figures stand in where it has none, the minerals
# whose figures it holds, and its name.  The subgroup's minerals are the elements its chapter prints figures for
# (MCS 2026: prices of these six, share lists of five; yttrium is excluded from its data by its note).
# A mineral with form records: why its own record's form is the headline (MCS 2025 Table 5 names "Aluminum
# (bauxite)", "Titanium (metal)" and magnesium metal's NIR; Fig. 2's headline counts count those rows).
HEADLINE_WHY = ("{form}: the form of the net import reliance USGS's critical-minerals salient table gives for "
                "{mineral}, and the Fig. 2 row behind the published headline counts; the other forms USGS publishes "
                "are records of their own (level 'form')")
HEAVY = ["terbium", "dysprosium", "holmium", "erbium", "ytterbium", "lutetium"]
LEVELS = {
    "rare earths": {"level": "group"},
    "rare earths (heavy)": {"level": "subgroup", "part_of": "rare earths", "minerals": HEAVY,
                            "name": "Heavy rare earths (compounds and metals)"},
    **{element: {"level": "element", "part_of": "rare earths (heavy)", "minerals": [element],
                 "name": f"{element.capitalize()} compounds and metals"}
       for element in ("terbium", "holmium", "erbium", "ytterbium", "lutetium")},
    **{form: {"level": "form", "part_of": mineral, "minerals": [mineral], "name": name}
       for form, mineral, name in (("alumina", "aluminum", "Alumina"),
                                   ("aluminum metal", "aluminum", "Aluminum (metal)"),
                                   ("magnesium compounds", "magnesium", "Magnesium (compounds)"),
                                   ("titanium mineral concentrates", "titanium", "Titanium (mineral concentrates)"))},
    **{mineral: {"headline": HEADLINE_WHY.format(form=FORMS[mineral], mineral=mineral)}
       for mineral in ("aluminum", "magnesium", "titanium")},
}

# Where a chapter prints several NIR series, the one whose form the commodity uses:
# (chapter, `Commodity` column, part of Statistics_detail after the colon).
PRIMARY_SERIES = {
    "aluminum": ("BAUXITE AND ALUMINA", "bauxite", ""),
    "magnesium": ("MAGNESIUM METAL", "magnesium metal", ""),
    "rare earths": ("RARE EARTHS", "rare earths", "compounds and metals"),
    "silicon": ("SILICON", "silicon", "total"),
    "titanium": ("TITANIUM AND TITANIUM DIOXIDE", "titanium sponge metal", ""),
    "zinc": ("ZINC", "zinc", "refined zinc"),
}

# The share category that stands for the whole commodity, where the name alone does not say.
# Each is the category whose order Fig. 2 prints for the commodity's NIR row.
WHOLE_CATEGORY = {
    "aluminum": "Bauxite",
    "arsenic": "All forms of arsenic",
    "copper": "Refined copper",
    "hafnium": None,  # unwrought and wrought are listed apart; neither is the whole
    "lead": "Refined metal",
    "magnesium": "Combined total (includes magnesium content of alloys, metal, powder, scrap, sheet, and other)",
    "manganese": "Manganese contained in principal manganese imports",
    "nickel": "Primary nickel",
    "rare earths": "Rare-earth compounds and metals",
    "tin": "Refined tin",
    "titanium": "Titanium Sponge Metal",
    "zinc": "Refined metal",
    "zirconium": "Zirconium ores and concentrates",
}

WHOLE_NAMES = re.compile(r"^(all( forms)?|total( imports| metal and oxide)?|combined total)\b", re.I)

# The remainder of a list ('Other countries') is no country: its code is null.
OTHER_NAMES = {"other", "other countries", "others"}
