"""What other apps add to an actor's page below its own details, such as « Ses contenus » (news).

The directory knows no other app: each one registers, when it starts, a function that takes the
actor and returns the context its section needs.
"""

_builders = []


def register_actor_section(build):
    if build not in _builders:
        _builders.append(build)


def actor_sections(actor):
    context = {}
    for build in _builders:
        context.update(build(actor))
    return context
