"""Staff export what visitors typed as CSV: no cell may run as a formula when a spreadsheet opens it.

Wagtail's exporter turns formulas into text in XLSX files only; its CSV files keep a leading « = »,
« + », « - » or « @ », which spreadsheets run (OWASP « CSV injection »). A leading apostrophe makes
such a cell text again.
"""

from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail_modeladmin.views import IndexView as ModelAdminIndexView

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and len(value) > 1 and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value) if export_format == self.FORMAT_CSV else value


class FormulaSafeSnippetIndexView(FormulaSafeExportMixin, SnippetIndexView):
    pass


class FormulaSafeModelAdminIndexView(FormulaSafeExportMixin, ModelAdminIndexView):
    pass


class FormulaSafeSubmissionsListView(FormulaSafeExportMixin, SubmissionsListView):
    pass
