#!/usr/bin/env python3
"""Generate the ILLUSTRATIVE education-coalition landscape for coalmap.

Every organization below is FICTIONAL: names were invented for this test
landscape, and any resemblance to a real organization is unintended. The
Republic of "Zembara" is a fictional country.

Deterministic: the org list and the core ties are written out by hand; a
random.Random(SEED) only fills in tie weights, trust, dates and a few extra
within-region ties.  Running the script twice gives byte-identical CSV files.

    python3 make.py            # writes organizations.csv, relationships.csv
                               # next to this script

Only the Python standard library is used.  The planted structure (dominant
donor, single-funder dependants, INGO gatekeeper, regional clusters, isolate,
tiny component, opposition and conflict) is asserted at the end, so a change
that breaks it fails loudly instead of silently producing a different data set.
"""

import csv
import datetime as dt
import os
import random
from collections import defaultdict, deque

SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# Organizations (hand-specified)
# columns: id, name, type, country, region, issues, skills, budget (USD/yr),
#          influence (0-10), stance, founded (year), global_south (yes/no)
# ---------------------------------------------------------------------------
ORGS = [
    # --- global / policy tier -------------------------------------------------
    ("glai", "Global Learning Alliance International", "ingo", "United Kingdom", "Europe",
     "education;girls_education;education_finance", "policy_access;research;organizing;funding",
     42000000, 9, "support", 1994, "no"),
    ("edujustice", "EduJustice International", "ingo", "Netherlands", "Europe",
     "education;privatization;child_rights", "research;media;legal",
     18500000, 7, "support", 2003, "no"),
    ("cfpe", "Coalition for Free Public Education", "network", "France", "Europe",
     "education;education_finance;privatization", "organizing;policy_access;media",
     3200000, 6.5, "support", 2001, "no"),
    ("hallworth", "Hallworth Family Foundation", "donor", "United States", "North America",
     "education;digital_learning;early_childhood", "funding",
     850000000, 8.5, "support", 1987, "no"),
    ("nordfund", "Nordic Fund for Learning Cooperation", "donor", "Norway", "Europe",
     "education;education_finance;gender", "funding;policy_access",
     120000000, 7, "support", 1999, "no"),
    ("brightwater", "Brightwater Trust", "donor", "United Kingdom", "Europe",
     "education;literacy", "funding",
     35000000, 4, "support", 1962, "no"),
    ("kestrel", "Kestrel Education Fund", "donor", "Canada", "North America",
     "education;inclusive_education;refugee_education", "funding;research",
     22000000, 4.5, "support", 2008, "no"),
    ("unleo", "UN Learning Equity Office (UNLEO)", "un_agency", "Switzerland", "Europe",
     "education;refugee_education;gender", "policy_access;research;funding",
     310000000, 9.5, "support", 1998, "no"),
    ("envoy", "Global Envoy for Foundational Learning", "decision_maker", "Switzerland", "Europe",
     "education;literacy", "policy_access;media",
     1200000, 8, "neutral", 2019, "no"),
    ("moe_zembara", "Ministry of Education, Republic of Zembara", "government", "Zembara", "East Africa",
     "education;teacher_rights;education_finance", "policy_access",
     1450000000, 10, "neutral", 1964, "yes"),
    ("mof_zembara", "Ministry of Finance and Planning, Republic of Zembara", "government", "Zembara", "East Africa",
     "education_finance", "policy_access;funding",
     9800000000, 9, "neutral", 1964, "yes"),
    ("parl_cttee", "Zembara National Assembly Committee on Education and Skills", "decision_maker", "Zembara", "East Africa",
     "education;education_finance", "policy_access;legal",
     2500000, 8, "neutral", 1991, "yes"),
    ("redbridge", "Centre for Comparative Education Policy, Redbridge University", "academic", "United Kingdom", "Europe",
     "education;education_finance;privatization", "research;data",
     4100000, 5, "support", 1978, "no"),
    ("ledger", "The Learning Ledger", "media", "United States", "North America",
     "education", "media",
     2900000, 5.5, "neutral", 2012, "no"),
    ("apex", "Apex Affordable Academies Ltd", "corporate", "Kenya", "East Africa",
     "education;privatization;digital_learning", "policy_access;service_delivery;funding",
     64000000, 6, "oppose", 2009, "yes"),
    ("tessera", "Tessera EdTech Solutions", "corporate", "United States", "North America",
     "digital_learning", "service_delivery;data",
     150000000, 4, "neutral", 2014, "no"),

    # --- East Africa -------------------------------------------------------------
    ("ea_net", "East African Learning Coalition", "network", "Tanzania", "East Africa",
     "education;education_finance;girls_education", "organizing;policy_access",
     650000, 4.5, "support", 2006, "yes"),
    ("ke_mwangaza", "Mwangaza Schools Support Trust", "ngo", "Kenya", "East Africa",
     "education;literacy;school_feeding", "service_delivery;organizing",
     1300000, 3.5, "support", 2002, "yes"),
    ("ug_kisoboka", "Kisoboka Girls' Education Network", "ngo", "Uganda", "East Africa",
     "girls_education;gender", "organizing;training",
     820000, 3, "support", 2010, "yes"),
    ("tz_taayetu", "Taa Yetu Education Trust", "ngo", "Tanzania", "East Africa",
     "education;early_childhood", "service_delivery;research",
     560000, 2.5, "support", 2011, "yes"),
    ("zm_quality", "Zembara Forum for Quality Schools", "network", "Zembara", "East Africa",
     "education;teacher_rights", "organizing;media",
     210000, 3, "support", 2015, "yes"),
    ("chalkline", "Chalkline Teachers' Union", "union", "Kenya", "East Africa",
     "teacher_rights;education_finance", "organizing;legal",
     2600000, 5, "support", 1971, "yes"),
    ("ea_savanna", "Savanna Institute for Education Research", "academic", "Uganda", "East Africa",
     "education;education_finance", "research;data",
     480000, 3, "support", 2004, "yes"),
    ("ea_sauti", "Sauti ya Darasa Radio", "media", "Tanzania", "East Africa",
     "education;literacy", "media",
     190000, 3, "neutral", 2013, "yes"),
    ("ke_kibanda", "Kibanda Mothers' Reading Circle", "grassroots", "Kenya", "East Africa",
     "literacy;early_childhood;gender", "organizing",
     18000, 1, "support", 2016, "yes"),
    ("ke_secondchance", 'Mathare "Second Chance" Learners', "grassroots", "Kenya", "East Africa",
     "education;child_rights", "organizing;service_delivery",
     26000, 1.5, "support", 2014, "yes"),
    ("ug_lirabooks", "Lira Youth Book Club", "grassroots", "Uganda", "East Africa",
     "literacy", "organizing",
     9000, 0.5, "support", 2017, "yes"),
    ("tz_mtoni", "Mtoni Parents for Schools", "grassroots", "Tanzania", "East Africa",
     "education;school_feeding", "organizing",
     14000, 1, "support", 2012, "yes"),
    ("zm_rural", "Zembara Rural Teachers' Collective", "grassroots", "Zembara", "East Africa",
     "teacher_rights;education", "organizing;training",
     31000, 1.5, "support", 2015, "yes"),

    # --- West Africa -------------------------------------------------------------
    ("wa_net", "West African Network for Learning Rights", "network", "Senegal", "West Africa",
     "education;child_rights;education_finance", "organizing;policy_access",
     720000, 4.5, "support", 2005, "yes"),
    ("gh_adwenpa", "Adwenpa Education Foundation", "ngo", "Ghana", "West Africa",
     "education;inclusive_education", "service_delivery;research",
     940000, 3, "support", 2007, "yes"),
    ("ng_omowe", "Ọmọwé Learning Trust", "ngo", "Nigeria", "West Africa",
     "education;girls_education;literacy", "organizing;media",
     1100000, 3.5, "support", 2009, "yes"),
    ("sn_jangkat", "Réseau Jàngkat pour l'Éducation", "ngo", "Senegal", "West Africa",
     "education;gender", "organizing;training",
     430000, 2.5, "support", 2012, "yes"),
    ("sahelfund", "Sahel Community Learning Fund", "donor", "Senegal", "West Africa",
     "education;girls_education", "funding",
     2400000, 2.5, "support", 2016, "yes"),
    ("wa_harmattan", "Harmattan Policy Lab", "academic", "Ghana", "West Africa",
     "education_finance;education", "research;data",
     370000, 2.5, "support", 2014, "yes"),
    ("wa_ekwe", "Ekwe Media Collective", "media", "Nigeria", "West Africa",
     "education;child_rights", "media",
     260000, 2.5, "neutral", 2015, "yes"),
    ("gh_tamale", "Tamale Girls' Study Circle", "grassroots", "Ghana", "West Africa",
     "girls_education", "organizing",
     12000, 1, "support", 2018, "yes"),
    ("ng_ajegunle", "Ajegunle Community School Watch", "grassroots", "Nigeria", "West Africa",
     "education;child_rights", "organizing;data",
     21000, 1.5, "support", 2013, "yes"),
    ("ng_kanocircle", "Kano Neighbourhood Learning Circle", "grassroots", "Nigeria", "West Africa",
     "literacy;child_rights", "organizing;service_delivery",
     16000, 1, "support", 2016, "yes"),
    ("sn_pikine", "Collectif des Mères de Pikine", "grassroots", "Senegal", "West Africa",
     "girls_education;school_feeding", "organizing",
     8000, 0.5, "support", 2019, "yes"),

    # --- South Asia --------------------------------------------------------------
    ("sa_net", "South Asia Right to Learn Forum", "network", "Nepal", "South Asia",
     "education;child_rights;inclusive_education", "organizing;policy_access",
     590000, 4, "support", 2008, "yes"),
    ("in_akshar", "Akshar Dhara Trust", "ngo", "India", "South Asia",
     "literacy;education", "service_delivery;training",
     1700000, 3.5, "support", 1998, "yes"),
    ("in_sangam", "Pathshala Sangam Trust", "ngo", "India", "South Asia",
     "education;inclusive_education", "research;organizing",
     980000, 3, "support", 2006, "yes"),
    ("bd_shikkha", "Shikkha Alo Foundation", "ngo", "Bangladesh", "South Asia",
     "education;climate;girls_education", "service_delivery;media",
     1250000, 3, "support", 2003, "yes"),
    ("np_himal", "Himal Siksha Sewa", "ngo", "Nepal", "South Asia",
     "education;early_childhood", "service_delivery",
     380000, 2, "support", 2010, "yes"),
    ("np_annapurna", "Annapurna Village Schools Trust", "ngo", "Nepal", "South Asia",
     "education;early_childhood", "service_delivery",
     95000, 0.5, "neutral", 2018, "yes"),
    ("sa_indus", "Indus Institute of Learning Studies", "academic", "India", "South Asia",
     "education;education_finance", "research;data",
     760000, 3.5, "support", 1996, "yes"),
    ("sa_slate", "Chalk & Slate Weekly", "media", "India", "South Asia",
     "education", "media",
     340000, 3, "neutral", 2011, "yes"),
    ("in_dharavi", "Dharavi Young Readers", "grassroots", "India", "South Asia",
     "literacy;child_rights", "organizing",
     11000, 1, "support", 2017, "yes"),
    ("in_barmer", "Barmer Girls' Shiksha Sangha", "grassroots", "India", "South Asia",
     "girls_education;gender", "organizing",
     7000, 1, "support", 2015, "yes"),
    ("bd_charboats", "Char Islands Learning Boats Collective", "grassroots", "Bangladesh", "South Asia",
     "education;climate", "service_delivery;organizing",
     24000, 1.5, "support", 2014, "yes"),
    ("np_karnali", "Karnali Parents' Forum", "grassroots", "Nepal", "South Asia",
     "education;school_feeding", "organizing",
     6000, 0.5, "support", 2018, "yes"),

    # --- Latin America -----------------------------------------------------------
    ("la_net", "Red Aula Común de América Latina", "network", "Peru", "Latin America",
     "education;privatization;education_finance", "organizing;policy_access;media",
     640000, 4.5, "support", 2004, "yes"),
    ("br_semear", "Instituto Semear Saber", "ngo", "Brazil", "Latin America",
     "education;early_childhood;inclusive_education", "research;service_delivery",
     2100000, 4, "support", 1999, "yes"),
    ("pe_pizarra", "Asociación Pizarra Abierta", "ngo", "Peru", "Latin America",
     "education;teacher_rights", "training;organizing",
     520000, 2.5, "support", 2008, "yes"),
    ("mx_letras", "Fundación Letras del Sur", "ngo", "Mexico", "Latin America",
     "literacy;inclusive_education", "service_delivery;media",
     880000, 3, "support", 2005, "yes"),
    ("la_andino", "Observatorio Andino de Aprendizajes", "academic", "Chile", "Latin America",
     "education;education_finance", "research;data",
     450000, 3, "support", 2012, "yes"),
    ("la_altavoz", "Altavoz Educativo", "media", "Mexico", "Latin America",
     "education", "media",
     310000, 3, "neutral", 2016, "yes"),
    ("br_mare", "Coletivo Mães da Maré pela Escola", "grassroots", "Brazil", "Latin America",
     "education;gender", "organizing",
     19000, 1.5, "support", 2015, "yes"),
    ("pe_puno", "Ronda Escolar de Puno", "grassroots", "Peru", "Latin America",
     "education;inclusive_education", "organizing",
     8000, 1, "support", 2017, "yes"),
    ("mx_oaxaca", "Maestras Comunitarias de Oaxaca", "grassroots", "Mexico", "Latin America",
     "teacher_rights;literacy", "organizing;training",
     15000, 1, "support", 2013, "yes"),
    ("gt_qanil", "Círculo Q'anil de Lectura", "grassroots", "Guatemala", "Latin America",
     "literacy;inclusive_education", "organizing",
     5000, 0.5, "support", 2019, "yes"),
    ("br_radiogiz", "Rádio Giz Comunitária", "media", "Brazil", "Latin America",
     "education;literacy", "media",
     40000, 1, "support", 2017, "yes"),
    ("br_itinerante", "Blog Professora Itinerante", "media", "Brazil", "Latin America",
     "teacher_rights", "media",
     2000, 0.5, "support", 2020, "yes"),
]

REGIONS = {
    "East Africa": dict(net="ea_net", ngos=["ke_mwangaza", "ug_kisoboka", "tz_taayetu", "zm_quality"],
                        research="ea_savanna", media="ea_sauti",
                        grass=["ke_kibanda", "ke_secondchance", "ug_lirabooks", "tz_mtoni", "zm_rural"]),
    "West Africa": dict(net="wa_net", ngos=["gh_adwenpa", "ng_omowe", "sn_jangkat"],
                        research="wa_harmattan", media="wa_ekwe",
                        grass=["gh_tamale", "ng_ajegunle", "ng_kanocircle", "sn_pikine"]),
    "South Asia": dict(net="sa_net", ngos=["in_akshar", "in_sangam", "bd_shikkha", "np_himal"],
                       research="sa_indus", media="sa_slate",
                       grass=["in_dharavi", "in_barmer", "bd_charboats", "np_karnali"]),
    "Latin America": dict(net="la_net", ngos=["br_semear", "pe_pizarra", "mx_letras"],
                          research="la_andino", media="la_altavoz",
                          grass=["br_mare", "pe_puno", "mx_oaxaca", "gt_qanil"]),
}

DECISION_MAKERS = ["moe_zembara", "mof_zembara", "parl_cttee", "envoy"]
UN_AGENCIES = ["unleo"]
GATEKEEPER = "glai"
DOMINANT_DONOR = "hallworth"
ISOLATE = "np_annapurna"
TINY_COMPONENT = ["br_radiogiz", "br_itinerante"]

# ---------------------------------------------------------------------------
# Ties
# ---------------------------------------------------------------------------
rng = random.Random(SEED)
TIES = []
_seen = set()

DEFAULT_DIRECTED = {"partnership": False, "coalition": False, "collaboration": False,
                    "conflict": False, "funding": True, "information": True,
                    "membership": True, "access": True, "distribution": True}

D0 = dt.date(2016, 1, 1)
D_LAST_START = dt.date(2024, 6, 30)
D_MAX = dt.date(2025, 12, 31)


def rand_date(lo, hi):
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def make_dates(p_end, lo=D0):
    """Random [start, end] as strings; ~6% use bare years; end may be empty."""
    start = rand_date(lo, D_LAST_START)
    end = None
    if rng.random() < p_end:
        end = rand_date(start + dt.timedelta(days=240), D_MAX)
    if rng.random() < 0.06:  # bare year form
        s = str(start.year)
        e = str(end.year) if end else ""
        return s, e
    return start.isoformat(), end.isoformat() if end else ""


def add(src, tgt, typ, weight=None, trust=None, amount=None, start=None, end=None,
        directed="", evidence=None, p_end=0.25):
    assert src != tgt, (src, tgt)
    key = (src, tgt, typ)
    if not DEFAULT_DIRECTED[typ] or directed == "false":
        key = (min(src, tgt), max(src, tgt), typ)
    if key in _seen:
        return False
    _seen.add(key)
    if weight is None:
        weight = rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5]) if typ != "conflict" else rng.choice([2, 3, 4])
    if trust is None:
        trust = round(rng.uniform(0.1, 0.3), 2) if typ == "conflict" else round(rng.uniform(0.45, 0.95), 2)
    if start is None:
        s, e = make_dates(p_end)
        start, end = s, (e if end is None else end)
    if end is None:
        end = ""
    if evidence is None:
        evidence = {"funding": "grant database", "membership": "member list",
                    "access": "interview", "distribution": "media monitoring",
                    "conflict": "press reports"}.get(typ, rng.choice(["interview", "workshop", "annual report"]))
    TIES.append(dict(source=src, target=tgt, type=typ, weight=weight, directed=directed,
                     trust=trust, amount="" if amount is None else amount,
                     start=start, end=end, evidence=evidence))
    return True


# --- funding web ---------------------------------------------------------------
# Hallworth dominates: it gives most of the money, to many orgs.
add("hallworth", "glai", "funding", 5, 0.9, 6500000, "2017-01-01", "", "true")
add("hallworth", "edujustice", "funding", 4, 0.8, 2600000, "2018-04-01", "")
add("hallworth", "cfpe", "funding", 3, 0.75, 1500000, "2019-01-01", "2023-12-31")
add("hallworth", "redbridge", "funding", 3, 0.8, 1100000, "2016-09-01", "")
add("hallworth", "ledger", "funding", 2, 0.7, 650000, "2020-01-01", "")
add("hallworth", "ea_net", "funding", 3, 0.7, 900000, "2018-07-01", "")
add("hallworth", "ke_mwangaza", "funding", 3, 0.75, 750000, "2017-03-01", "2022-02-28")
add("hallworth", "ea_savanna", "funding", 2, 0.7, 420000, "2019-05-01", "")
add("hallworth", "wa_net", "funding", 3, 0.7, 800000, "2018", "")
add("hallworth", "gh_adwenpa", "funding", 2, 0.65, 600000, "2019-10-01", "")
add("hallworth", "wa_harmattan", "funding", 2, 0.7, 380000, "2020-02-01", "")
add("hallworth", "sahelfund", "funding", 2, 0.6, 500000, "2021-01-01", "")
add("hallworth", "sa_net", "funding", 3, 0.7, 700000, "2018-01-15", "")
add("hallworth", "in_akshar", "funding", 3, 0.8, 1200000, "2016-06-01", "")
add("hallworth", "sa_slate", "funding", 1, 0.6, 240000, "2021-07-01", "")
add("hallworth", "la_net", "funding", 3, 0.7, 650000, "2019-03-01", "")
add("hallworth", "br_semear", "funding", 3, 0.75, 950000, "2017-08-01", "")
add("hallworth", "la_andino", "funding", 2, 0.7, 360000, "2020-06-01", "2024-05-31")
add("hallworth", "la_altavoz", "funding", 1, 0.6, 210000, "2022-01-01", "")
add("hallworth", "tessera", "funding", 2, 0.55, 1800000, "2021-09-01", "")
# other donors: smaller, and mostly to orgs that Hallworth also funds
add("nordfund", "glai", "funding", 3, 0.85, 1400000, "2016-01-01", "")
add("nordfund", "unleo", "funding", 4, 0.9, 2200000, "2017", "")
add("nordfund", "cfpe", "funding", 2, 0.7, 300000, "2020-01-01", "")
add("brightwater", "glai", "funding", 2, 0.8, 550000, "2016-04-01", "2021-03-31")
add("brightwater", "edujustice", "funding", 2, 0.75, 350000, "2017-01-01", "2021-12-31")
add("brightwater", "ng_omowe", "funding", 2, 0.7, 180000, "2018-02-01", "2022-01-31")
add("kestrel", "glai", "funding", 2, 0.8, 400000, "2019-01-01", "")
add("kestrel", "ug_kisoboka", "funding", 2, 0.75, 220000, "2019-06-01", "")
add("kestrel", "bd_shikkha", "funding", 2, 0.75, 260000, "2020-01-01", "")
add("kestrel", "mx_letras", "funding", 2, 0.7, 190000, "2018-09-01", "2023-08-31")
add("kestrel", "pe_pizarra", "funding", 1, 0.7, 90000, "2021-04-01", "")
add("sahelfund", "sn_pikine", "funding", 1, 0.8, 15000, "2021-06-01", "")
add("sahelfund", "ng_kanocircle", "funding", 1, 0.8, 12000, "2022-01-01", "")
add("sahelfund", "sn_jangkat", "funding", 1, 0.75, 60000, "2021-03-01", "")
add("unleo", "moe_zembara", "funding", 3, 0.7, 1000000, "2019-07-01", "")
# GLAI re-grants small amounts to grassroots groups (its own dependants)
for i, g in enumerate(sum((r["grass"] for r in REGIONS.values()), [])):
    if g in ("sn_pikine",):
        continue  # funded by the Sahel fund only
    amt = [15000, 20000, 25000, 30000, 12000][i % 5]
    s, e = make_dates(0.35, dt.date(2018, 1, 1))
    add("glai", g, "funding", 1, round(rng.uniform(0.6, 0.9), 2), amt, s, e)

# --- GLAI: the only bridge from grassroots to the policy table ----------------
for t in DECISION_MAKERS + UN_AGENCIES:
    add("glai", t, "access", rng.choice([3, 4, 5]), round(rng.uniform(0.6, 0.85), 2),
        start=make_dates(0)[0], end="")
for reg in REGIONS.values():
    for j, g in enumerate(reg["grass"]):
        if j % 2 == 0:
            add(g, "glai", "membership", 2)
        else:
            add(g, "glai", "partnership", 3)
    add(reg["net"], "glai", "partnership", 3)

# --- global tier --------------------------------------------------------------
add("hallworth", "glai", "partnership", 4, 0.85, start="2017-01-01", end="")
add("glai", "unleo", "partnership", 4, 0.8, start="2016-03-01", end="")
add("glai", "edujustice", "coalition", 3, 0.7)
add("glai", "cfpe", "coalition", 3, 0.75)
add("edujustice", "cfpe", "coalition", 4, 0.8)
add("glai", "redbridge", "collaboration", 2, 0.7)
add("redbridge", "unleo", "information", 2, 0.75)
add("redbridge", "edujustice", "information", 2, 0.8)
add("edujustice", "unleo", "information", 3, 0.7)
add("edujustice", "envoy", "access", 2, 0.6)
add("cfpe", "envoy", "access", 2, 0.55)
add("nordfund", "moe_zembara", "access", 3, 0.7)
add("nordfund", "envoy", "information", 2, 0.7)
add("unleo", "envoy", "partnership", 4, 0.85, start="2019-09-01", end="")
add("unleo", "moe_zembara", "information", 3, 0.7)
add("moe_zembara", "mof_zembara", "collaboration", 4, 0.6)
add("moe_zembara", "parl_cttee", "information", 3, 0.55)
add("parl_cttee", "moe_zembara", "access", 4, 0.5)
add("mof_zembara", "parl_cttee", "information", 2, 0.5)
add("ledger", "glai", "distribution", 2, 0.7)
add("ledger", "edujustice", "distribution", 2, 0.7)
add("ledger", "unleo", "distribution", 2, 0.65)
add("ledger", "envoy", "distribution", 1, 0.6)
add("hallworth", "ledger", "information", 1, 0.6)
add("hallworth", "redbridge", "collaboration", 2, 0.7)
add("kestrel", "redbridge", "information", 1, 0.7)
add("brightwater", "hallworth", "information", 1, 0.7, directed="false")  # two-way exchange
add("tessera", "apex", "partnership", 4, 0.8, start="2019-02-01", end="")
add("tessera", "moe_zembara", "access", 2, 0.5)
add("apex", "moe_zembara", "access", 4, 0.55)
add("apex", "parl_cttee", "access", 3, 0.5)
add("apex", "ledger", "information", 1, 0.4)
# opposition and conflict
add("apex", "chalkline", "conflict", 4, 0.1, start="2018-05-01", end="")
add("edujustice", "apex", "conflict", 3, 0.15, start="2019-11-01", end="")

# --- regions ------------------------------------------------------------------
for rname, reg in REGIONS.items():
    net, ngos, res, med, grass = reg["net"], reg["ngos"], reg["research"], reg["media"], reg["grass"]
    for o in ngos + grass:
        add(o, net, "membership", rng.choice([1, 2, 2, 3]))
    for i in range(len(ngos)):
        for j in range(i + 1, len(ngos)):
            if rng.random() < 0.8:
                add(ngos[i], ngos[j], "partnership")
    for k, g in enumerate(grass):
        add(g, ngos[k % len(ngos)], "collaboration")
        if rng.random() < 0.5:
            add(g, ngos[(k + 1) % len(ngos)], "collaboration")
    for k in range(len(grass) - 1):
        if rng.random() < 0.6:
            add(grass[k], grass[k + 1], "partnership")
    add(res, net, "information")
    for n in ngos:
        if rng.random() < 0.6:
            add(res, n, "information")
    add(med, net, "distribution")
    add(med, ngos[0], "distribution")
    add(med, grass[0], "distribution")
    add(net, med, "information")
    add(net, "cfpe", "coalition")
    add("edujustice", ngos[1], "partnership")
    add("redbridge", res, "collaboration")
    # a handful of extra within-region ties
    pool = [net, res, med] + ngos + grass
    extra = 0
    while extra < 4:
        a, b = rng.sample(pool, 2)
        typ = rng.choice(["collaboration", "information", "partnership", "coalition"])
        if typ == "coalition" and (a in grass or b in grass):
            typ = "collaboration"
        if add(a, b, typ):
            extra += 1

# East Africa specifics
add("chalkline", "cfpe", "membership", 3, 0.8)
add("chalkline", "zm_rural", "collaboration", 3, 0.8)
add("chalkline", "ke_secondchance", "collaboration", 2, 0.7)
add("chalkline", "ea_net", "coalition", 3, 0.75)
add("zm_quality", "zm_rural", "partnership", 3, 0.85)
# West Africa specifics
add("sahelfund", "wa_net", "partnership", 2, 0.7)
# few bridges between regional clusters
add("ea_net", "wa_net", "coalition", 2, 0.65, start="2020-03-01", end="")
add("sa_net", "la_net", "information", 1, 0.6, directed="false")  # exchange both ways
add("bd_shikkha", "in_akshar", "information", 2, 0.7, directed="false")
add("br_semear", "in_sangam", "collaboration", 1, 0.6, directed="true")  # one-sided support
add("ng_omowe", "ke_mwangaza", "partnership", 1, 0.55, directed="true")
# tiny disconnected component (two community media outlets)
add("br_radiogiz", "br_itinerante", "distribution", 2, 0.9, start="2021-05-01", end="")

# ---------------------------------------------------------------------------
# Checks of the planted structure (pure Python)
# ---------------------------------------------------------------------------
ids = [o[0] for o in ORGS]
assert len(ids) == len(set(ids))
idset = set(ids)
typ_of = {o[0]: o[2] for o in ORGS}
for t in TIES:
    assert t["source"] in idset and t["target"] in idset, t

# collaboration graph (undirected, every tie except conflict)
adj = defaultdict(set)
for t in TIES:
    if t["type"] != "conflict":
        adj[t["source"]].add(t["target"])
        adj[t["target"]].add(t["source"])


def bfs(src, banned=()):
    dist = {src: 0}
    q = deque([src])
    while q:
        u = q.popleft()
        for v in adj[u]:
            if v not in dist and v not in banned:
                dist[v] = dist[u] + 1
                q.append(v)
    return dist


targets = DECISION_MAKERS + UN_AGENCIES
grassroots = [o for o in ids if typ_of[o] == "grassroots"]
for g in grassroots:
    assert not any(t["source"] == g and t["type"] == "access" for t in TIES), g
    d = bfs(g)
    d_wo = bfs(g, banned={GATEKEEPER})
    for tgt in targets:
        # every shortest path to every decision-maker/UN agency runs through GLAI
        assert d[tgt] == 2 and d_wo.get(tgt, 99) > d[tgt], (g, tgt, d.get(tgt), d_wo.get(tgt))
assert ISOLATE not in adj
assert set(bfs(TINY_COMPONENT[0])) == set(TINY_COMPONENT)

funding_by_donor = defaultdict(float)
funders_of = defaultdict(set)
for t in TIES:
    if t["type"] == "funding":
        funding_by_donor[t["source"]] += t["amount"]
        funders_of[t["target"]].add(t["source"])
total = sum(funding_by_donor.values())
share = funding_by_donor[DOMINANT_DONOR] / total
assert share > 0.6, share
single = sorted(o for o, f in funders_of.items() if f == {DOMINANT_DONOR})
assert len(single) >= 6, single
assert any(o[9] == "oppose" for o in ORGS)
assert any(t["type"] == "conflict" for t in TIES)
assert {t["type"] for t in TIES} == set(DEFAULT_DIRECTED)

# ---------------------------------------------------------------------------
# Write CSV files
# ---------------------------------------------------------------------------
ORG_COLS = ["id", "name", "type", "country", "region", "issues", "skills", "budget",
            "influence", "stance", "founded", "global_south"]
TIE_COLS = ["source", "target", "type", "weight", "directed", "trust", "amount",
            "start", "end", "evidence"]

with open(os.path.join(HERE, "organizations.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(ORG_COLS)
    for o in ORGS:
        w.writerow(o)

with open(os.path.join(HERE, "relationships.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=TIE_COLS, lineterminator="\n")
    w.writeheader()
    for t in TIES:
        w.writerow(t)

if __name__ == "__main__":
    by_type = defaultdict(int)
    for t in TIES:
        by_type[t["type"]] += 1
    print(f"{len(ORGS)} organizations, {len(TIES)} ties")
    print("ties by type:", dict(sorted(by_type.items())))
    print(f"{DOMINANT_DONOR} share of all funding: {share:.1%} of {total:,.0f} USD")
    print("funded by", DOMINANT_DONOR, "only:", ", ".join(single))
