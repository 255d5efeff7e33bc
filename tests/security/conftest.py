from tests.network.conftest import join_form  # noqa: F401 - the join form page, shared with the network tests
