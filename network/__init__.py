"""The network of « territoires participatifs »: three apps, network.directory, network.membership and
network.newsletter, each with its own models and admin."""
