"""The demo actors: who takes part in the network, across the five departments of Hauts-de-France.

The Region, the metropolis and the communes exist; every other organisation is invented. Websites and
emails use .example domains, phone numbers the 03 53 01 range that the French numbering plan keeps for
fiction, so no one real is ever shown or called.
"""

# One tuple per actor: "slug | kind | member since | commune | postal code | department | themes | tags
# [| website | public email | public phone]", name, short description[, presentation as rich text].
ACTORS = [
    # Nord
    (
        "centre-ressources-developpement-durable | association | 2022-04-28 | Lille | 59000 | Nord | "
        "participation-citoyenne climat | animation de réseau, centre de ressources | "
        "https://territoires-participatifs.example | contact@territoires-participatifs.example",
        "Centre régional de ressources du développement durable",
        "Il anime le réseau des Territoires participatifs : il organise les rencontres, documente les initiatives "
        "et publie ce site.",
        "<p>Installée à Lille, l'association accompagne les collectivités et les acteurs locaux qui veulent conduire "
        "les transitions avec les habitants plutôt que pour eux.</p><p>Elle coordonne le réseau depuis son "
        "lancement, le 28 avril 2022, et tient à jour un centre de ressources en accès libre.</p>",
    ),
    (
        "region-hauts-de-france | collectivite | 2022-04-28 | Lille | 59000 | Nord | climat participation-citoyenne | "
        "plan climat, financement | https://hautsdefrance.example",
        "Région Hauts-de-France",
        "La collectivité régionale soutient les démarches de transition des territoires et accompagne le réseau "
        "depuis sa première rencontre.",
        "<p>Aménagement, climat, formation, développement économique : la Région tient de nombreux leviers de la "
        "transition écologique. Ses équipes viennent aux rencontres du réseau pour entendre les besoins des "
        "territoires.</p>",
    ),
    (
        "metropole-europeenne-de-lille | collectivite | 2022-04-28 | Lille | 59000 | Nord | "
        "climat economie-circulaire | intercommunalité, plan climat | https://metropole-lille.example",
        "Métropole Européenne de Lille",
        "L'intercommunalité lilloise partage avec le réseau ses démarches de concertation sur le climat, les "
        "déchets et les mobilités.",
    ),
    (
        "ville-grande-synthe | collectivite | 2022-04-28 | Grande-Synthe | 59760 | Nord | climat biodiversite | "
        "collectivités, transition écologique | https://grande-synthe.example",
        "Ville de Grande-Synthe",
        "Sur le littoral dunkerquois, la commune mène avec ses habitants une transition écologique attentive aux "
        "plus modestes.",
    ),
    (
        "ressourcerie-val-de-sambre | association | 2022-09-15 | Maubeuge | 59600 | Nord | economie-circulaire | "
        "ressourcerie, réemploi, insertion | https://ressourcerie-sambre.example | "
        "bonjour@ressourcerie-sambre.example | 03 53 01 00 21",
        "Ressourcerie du Val de Sambre",
        "Collecte, remise en état et revente d'objets du quotidien, par une équipe de salariés en insertion et de "
        "bénévoles.",
        "<p>Chaque mois, un comité d'usagers choisit les ateliers ouverts au public : couture, petite électricité, "
        "réparation de vélos.</p>",
    ),
    (
        "fabrique-des-voisins | tiers-lieu | 2022-06-02 | Roubaix | 59100 | Nord | tiers-lieux participation-citoyenne "
        "| tiers-lieux, cuisine partagée | https://fabrique-des-voisins.example | "
        "contact@fabrique-des-voisins.example",
        "La Fabrique des voisins",
        "Tiers-lieu de quartier installé dans une ancienne filature : cuisine partagée, atelier bois et permanences "
        "associatives.",
        "<p>Ouverte par des habitants, la Fabrique propose chaque semaine des ateliers gratuits et prête ses salles "
        "aux associations du quartier.</p><p>Usagers, salariés et partenaires la gouvernent ensemble, dans un conseil "
        "qui se réunit tous les deux mois.</p>",
    ),
    (
        "flandre-energie-citoyenne | entreprise | 2023-02-07 | Dunkerque | 59140 | Nord | climat | "
        "énergie citoyenne, coopérative | https://flandre-energie.example | | 03 53 01 00 37",
        "Flandre Énergie citoyenne",
        "Société coopérative qui pose des centrales solaires sur les toits publics, financées par l'épargne des "
        "habitants et des communes.",
    ),
    (
        "collectif-pieds-dans-la-deule | collectif-citoyen | 2023-06-20 | Lille | 59000 | Nord | biodiversite | "
        "nature en ville, berges",
        "Collectif Les Pieds dans la Deûle",
        "Des habitants nettoient, observent et replantent les berges de la Deûle, et invitent les passants à les "
        "rejoindre.",
    ),
    # Pas-de-Calais
    (
        "ville-loos-en-gohelle | collectivite | 2022-04-28 | Loos-en-Gohelle | 62750 | Pas-de-Calais | "
        "participation-citoyenne climat | collectivités, participation | https://loos-en-gohelle.example",
        "Ville de Loos-en-Gohelle",
        "Commune du bassin minier qui associe les habitants à ses projets de transition, de la première idée "
        "jusqu'au chantier.",
        "<p>Dans cette ancienne cité minière, la participation est devenue une méthode de travail : chaque projet "
        "municipal s'ouvre aux habitants qui veulent s'y engager.</p><p>Élus et agents partagent volontiers leur "
        "expérience avec les communes qui se lancent.</p>",
    ),
    (
        "bassin-minier-en-transition | association | 2022-11-08 | Lens | 62300 | Pas-de-Calais | "
        "climat participation-citoyenne | sobriété énergétique, éducation populaire | | "
        "contact@bassin-minier-transition.example",
        "Bassin minier en transition",
        "Association d'éducation populaire qui anime des défis de sobriété énergétique et des ateliers climat dans "
        "les cités du bassin minier.",
    ),
    (
        "atelier-du-crinchon | tiers-lieu | 2023-03-14 | Arras | 62000 | Pas-de-Calais | "
        "tiers-lieux economie-circulaire | tiers-lieux, réparation | https://atelier-crinchon.example",
        "L'Atelier du Crinchon",
        "Tiers-lieu de centre-ville : espace de travail partagé, café réparation et jardin pédagogique au bord du "
        "Crinchon.",
    ),
    (
        "terre-opale-concertation | entreprise | 2023-01-17 | Boulogne-sur-Mer | 62200 | Pas-de-Calais | "
        "participation-citoyenne climat | concertation, convention citoyenne | "
        "https://terre-opale-concertation.example | contact@terre-opale-concertation.example | 03 53 01 00 42",
        "Terre d'Opale Concertation",
        "Coopérative de conseil qui conçoit et anime concertations, budgets participatifs et conventions citoyennes "
        "locales.",
        "<p>Son équipe accompagne les collectivités du tirage au sort jusqu'au comité de suivi, en veillant à ce que "
        "chaque proposition des habitants reçoive une réponse écrite.</p>",
    ),
    (
        "calais-en-transition | collectif-citoyen | 2023-05-25 | Calais | 62100 | Pas-de-Calais | climat | "
        "sobriété énergétique, alimentation",
        "Calais en transition",
        "Collectif d'habitants qui lance des défis entre voisins pour consommer moins d'énergie et manger local.",
    ),
    (
        "office-eau-rivieres-artois | institution | 2024-01-23 | Béthune | 62400 | Pas-de-Calais | "
        "biodiversite climat | eau, rivières | https://eau-artois.example",
        "Office de l'eau et des rivières de l'Artois",
        "Établissement public chargé de l'entretien des cours d'eau, qui associe riverains et agriculteurs à la "
        "prévention des inondations.",
    ),
    # Somme
    (
        "ville-amiens | collectivite | 2022-04-28 | Amiens | 80000 | Somme | participation-citoyenne biodiversite | "
        "conseils de quartier, collectivités | https://amiens.example",
        "Ville d'Amiens",
        "La préfecture de la Somme associe ses conseils de quartier aux projets d'aménagement et de nature en ville.",
    ),
    (
        "jardins-hortillons | association | 2022-07-05 | Amiens | 80000 | Somme | biodiversite | "
        "jardins partagés, maraîchage | https://jardins-hortillons.example | jardiner@jardins-hortillons.example",
        "Les Jardins d'hortillons",
        "Association qui confie des parcelles aux habitants au cœur des hortillonnages et y compte oiseaux et "
        "insectes avec eux.",
        "<p>Chaque samedi matin, des jardiniers chevronnés accueillent les débutants. Les récoltes se partagent "
        "entre les adhérents et une épicerie solidaire du quartier.</p>",
    ),
    (
        "grange-partagee | tiers-lieu | 2024-04-09 | Saint-Valery-sur-Somme | 80230 | Somme | tiers-lieux | "
        "tiers-lieux ruraux, café associatif | https://grange-partagee.example",
        "La Grange partagée",
        "Une grange rénovée par des habitants près de la baie de Somme : café associatif, atelier de réparation et "
        "petite salle de spectacle.",
    ),
    (
        "lycee-agricole-baie-de-somme | enseignement | 2023-09-12 | Abbeville | 80100 | Somme | biodiversite climat | "
        "éducation, agriculture",
        "Lycée agricole de la Baie de Somme",
        "Ses élèves mènent des inventaires de biodiversité et des chantiers nature avec les communes voisines.",
        "<p>Chaque promotion de BTS consacrée à la protection de la nature conduit un projet avec une collectivité "
        "partenaire : restauration d'une mare, plantation de haies, balade commentée.</p>",
    ),
    (
        "abbeville-a-velo | collectif-citoyen | 2024-06-18 | Abbeville | 80100 | Somme | climat | vélo, mobilités",
        "Collectif Abbeville à vélo",
        "Des cyclistes du quotidien repèrent les passages dangereux et proposent des aménagements à la commune.",
    ),
    # Oise
    (
        "ville-beauvais | collectivite | 2022-10-04 | Beauvais | 60000 | Oise | participation-citoyenne climat | "
        "budget participatif, collectivités | https://beauvais.example",
        "Ville de Beauvais",
        "La préfecture de l'Oise consulte ses habitants sur l'adaptation au changement climatique et les projets "
        "de quartier.",
    ),
    (
        "foret-commune | association | 2023-04-04 | Compiègne | 60200 | Oise | biodiversite | "
        "forêt, sciences participatives | | contact@foret-commune.example",
        "Forêt commune",
        "Naturalistes et promeneurs organisent des inventaires participatifs et des sorties en forêt de Compiègne.",
    ),
    (
        "atelier-reemploi-picard | entreprise | 2023-11-21 | Creil | 60100 | Oise | economie-circulaire | "
        "réemploi, insertion | https://reemploi-picard.example | | 03 53 01 00 64",
        "Atelier Réemploi picard",
        "Entreprise d'insertion qui démonte, répare et revend mobilier et matériaux de construction.",
    ),
    (
        "moulin-des-possibles | tiers-lieu | 2024-10-01 | Clermont | 60600 | Oise | tiers-lieux economie-circulaire | "
        "tiers-lieux, ressourcerie, réparation | https://moulin-des-possibles.example | "
        "bonjour@moulin-des-possibles.example",
        "Le Moulin des possibles",
        "Un ancien moulin où cohabitent une ressourcerie, un atelier vélo et un café réparation mensuel.",
        "<p>La ressourcerie et le tiers-lieu partagent les locaux, une charte et une assemblée d'usagers qui choisit "
        "les projets chaque semestre.</p>",
    ),
    (
        "agence-environnement-oise | institution | 2025-02-11 | Beauvais | 60000 | Oise | climat biodiversite | "
        "énergie, conseil aux communes | https://environnement-oise.example",
        "Agence départementale de l'environnement de l'Oise",
        "Organisme public qui conseille les communes de l'Oise sur leurs projets d'énergie, d'eau et de nature.",
    ),
    # Aisne
    (
        "ville-laon | collectivite | 2023-05-25 | Laon | 02000 | Aisne | participation-citoyenne | "
        "collectivités, participation | https://laon.example",
        "Ville de Laon",
        "La préfecture de l'Aisne réunit habitants et élus dans des ateliers de quartier consacrés au cadre de vie.",
    ),
    (
        "soissonnais-en-transition | association | 2025-03-18 | Soissons | 02200 | Aisne | climat biodiversite | "
        "climat, balades climat | | contact@soissonnais-transition.example",
        "Soissonnais en transition",
        "Association qui organise des balades climat le long de l'Aisne et des ateliers pour imaginer l'avenir du "
        "territoire.",
    ),
    (
        "habitants-de-thierache | collectif-citoyen | 2023-10-10 | Hirson | 02500 | Aisne | participation-citoyenne | "
        "ruralité, participation",
        "Collectif des habitants de Thiérache",
        "Des habitants de villages voisins font vivre les services de proximité et proposent des projets à leurs "
        "communes.",
    ),
    (
        "filature-partagee | tiers-lieu | 2024-04-09 | Guise | 02120 | Aisne | tiers-lieux participation-citoyenne | "
        "tiers-lieux ruraux, coopération | https://filature-partagee.example",
        "La Filature partagée",
        "Tiers-lieu rural qui réunit espace de travail partagé, épicerie coopérative et salle pour les associations.",
    ),
    (
        "campus-transition-saint-quentin | enseignement | 2024-09-17 | Saint-Quentin | 02100 | Aisne | "
        "climat economie-circulaire | formation, métiers de la transition | https://campus-transition.example",
        "Campus des métiers de la transition écologique",
        "Lycées et centres de formation associés pour préparer aux métiers de la rénovation énergétique et du "
        "réemploi.",
    ),
    (
        "thierache-bois-energie | entreprise | 2025-03-04 | Vervins | 02140 | Aisne | climat economie-circulaire | "
        "bois énergie, circuits courts",
        "Thiérache Bois Énergie",
        "Société coopérative qui transforme le bois des haies bocagères en combustible pour les chaufferies des "
        "communes.",
    ),
]

# Generated logos for a few invented actors (never for a real institution): initials and background colour.
LOGOS = {
    "centre-ressources-developpement-durable": ("TP", "#1d6b43"),
    "ressourcerie-val-de-sambre": ("RS", "#0e6470"),
    "fabrique-des-voisins": ("FV", "#a44a00"),
    "flandre-energie-citoyenne": ("FE", "#1f4e8c"),
    "terre-opale-concertation": ("TO", "#5b3a8c"),
    "jardins-hortillons": ("JH", "#2f6b1d"),
    "moulin-des-possibles": ("MP", "#b01e2f"),
}
