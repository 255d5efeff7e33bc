"""The relevance set: what a visitor types on the demo site, and the pages that must come in the first three.

Each query names its acceptable targets by the last part of their address (a page's slug, an actor's
slug); a query is a hit when one of them is among the first three results. MRR is the mean of 1/rank of
the first target among the first ten (0 beyond).
"""

from dataclasses import dataclass

from search.results import run_search

TOP = 3
DEPTH = 10
BUDGET = ["guide-budget-participatif-petites-communes", "budgets-participatifs-premiers-enseignements"]
RELEVANCE_SET = {
    # The words of the issue that ranked badly, typos that found nothing.
    "territoire": ["territoires-participatifs"],
    "velo": ["abbeville-a-velo"],
    "amiens": ["ville-amiens"],
    "sobriete": ["defis-sobriete-energetique-voisins"],
    "codevelopement": [
        "fiche-animer-seance-codeveloppement",
        "premiere-seance-codeveloppement",
        "seance-codeveloppement-relancer-conseil-citoyen",
    ],
    "budjet participatif": [
        "guide-budget-participatif-petites-communes",
        "budgets-participatifs-premiers-enseignements",
    ],
    # Titles and names, with or without accents, singular or plural.
    "territoires participatifs": ["territoires-participatifs"],
    "vélo": ["abbeville-a-velo"],
    "budget participatif": [
        "guide-budget-participatif-petites-communes",
        "budgets-participatifs-premiers-enseignements",
    ],
    "tiers lieu": [
        "portes-ouvertes-tiers-lieux-ruraux",
        "video-tiers-lieux-ruraux",
        "rencontre-tiers-lieux-dynamiques-locales",
        "rencontre-role-tiers-lieux-dynamiques-locales",
        "ressourcerie-tiers-lieu-reparer",
    ],
    "jardin partagé": ["fiche-lancer-jardin-partage", "jardins-partages-habitants-quartier"],
    "hortillons": ["jardins-hortillons", "chantier-participatif-jardins-hortillons"],
    "ressourcerie": [
        "ressourcerie-val-de-sambre",
        "ressourceries-reemploi-cooperation",
        "ressourcerie-tiers-lieu-reparer",
    ],
    "réemploi": ["atelier-reemploi-picard", "ressourceries-reemploi-cooperation"],
    "convention citoyenne climat": [
        "conventions-citoyennes-climat-locales",
        "conference-conventions-citoyennes-climat-et-apres",
    ],
    "plans climat": ["etude-participation-plans-climat"],
    "balade climat": ["balade-climat-bords-de-l-aisne", "balades-climat-lire-le-paysage"],
    "feuille de route": ["feuille-de-route-reseau-territoires-participatifs"],
    "boussole des communs": ["boussole-des-communs"],
    "ambassadeurs": ["missions-ambassadeurs-reseau"],
    "annuaire": ["annuaire", "annuaire-liste-diffusion-reseau"],
    "rejoindre le réseau": ["rejoindre"],
    "mentions légales": ["mentions-legales"],
    "accessibilité": ["accessibilite"],
    "données personnelles": ["donnees-personnelles"],
    "qui sommes-nous": ["qui-sommes-nous"],
    "grande synthe": ["ville-grande-synthe"],
    "loos en gohelle": ["ville-loos-en-gohelle"],
    "énergie citoyenne": ["flandre-energie-citoyenne"],
    "bois énergie": ["thierache-bois-energie"],
    "calendrier des rencontres": ["calendrier-rencontres-reseau"],
    "lettre d'automne": ["lettre-automne"],
    "atelier réparation": ["atelier-reparation-moulin-des-possibles"],
    "moulin des possibles": ["moulin-des-possibles"],
    "portes ouvertes": ["portes-ouvertes-tiers-lieux-ruraux"],
    "beauvais": ["ville-beauvais"],
    "lycée agricole": ["lycee-agricole-baie-de-somme"],
    "conseil citoyen": ["seance-codeveloppement-relancer-conseil-citoyen"],
    "territoires en commun": ["plateforme-territoires-en-commun"],
    "deûle": ["collectif-pieds-dans-la-deule"],
    # A typo in a name, and a synonym (« cyclable » is said « vélo » in the demo).
    "hortilons": ["jardins-hortillons", "chantier-participatif-jardins-hortillons"],
    "cyclable": ["abbeville-a-velo"],
}


@dataclass
class Measure:
    hit_at_3: float
    mrr: float
    misses: dict  # {query: the first three results' addresses}


def measure(relevance_set=RELEVANCE_SET):
    ranks, misses = [], {}
    for query, targets in relevance_set.items():
        urls = [result.url for result in run_search(query, actor_base_url="/reseau/annuaire/").results[:DEPTH]]
        rank = next((place for place, url in enumerate(urls, 1) if url.rstrip("/").rsplit("/", 1)[-1] in targets), 0)
        ranks.append(rank)
        if not rank or rank > TOP:
            misses[query] = urls[:TOP]
    hits = sum(1 for rank in ranks if 0 < rank <= TOP)
    return Measure(hits / len(ranks), sum(1 / rank for rank in ranks if rank) / len(ranks), misses)
