"""The three editorial roles and the « Relecture » workflow.

Wagtail's first migrations create « Editors » and « Moderators » with page permissions on the whole
tree and a « Moderators approval » workflow; they become « Rédacteurs » and « Modérateurs », gain
the permissions of this site's models, and the workflow becomes « Relecture », for pages and actors,
approved by Modérateurs and Administrateurs.

The media library: Wagtail gives both first groups « change » on every image and document, and in
Wagtail « change » on a collection also means « delete ». Rédacteurs keep « add » and « choose » only:
they change and delete their own uploads (Wagtail's ownership rule), and images/permissions.py
refuses even that once a live page uses the file. Modérateurs add, change, choose and delete all media;
Administrateurs also manage the collections.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    ("directory", "add_actor"),
    ("directory", "change_actor"),
    ("directory", "view_actor"),
    ("core", "view_theme"),
]
MODERATOR_PERMISSIONS = [
    *EDITOR_PERMISSIONS,
    ("directory", "publish_actor"),
    ("directory", "lock_actor"),
    ("directory", "unlock_actor"),
    ("directory", "delete_actor"),
    ("membership", "view_membershiprequest"),
    ("membership", "change_membershiprequest"),
    ("membership", "delete_membershiprequest"),
    ("newsletter", "view_subscriber"),
    ("newsletter", "delete_subscriber"),
    ("core", "change_sitesettings"),
    ("core", "add_theme"),
    ("core", "change_theme"),
    ("core", "delete_theme"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", ["add_image", "change_image", "choose_image", "delete_image"]),
    ("wagtaildocs", ["add_document", "change_document", "choose_document", "delete_document"]),
]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", ["add_image", "choose_image"]),
    ("wagtaildocs", ["add_document", "choose_document"]),
]
COLLECTION_MANAGEMENT_PERMISSIONS = [("wagtailcore", ["add_collection", "change_collection", "delete_collection"])]
# Left to Rédacteurs by Wagtail's first migrations, as group permissions: media changes go through
# the collection permissions above and the rule on live media.
EDITOR_PERMISSIONS_WITHDRAWN = [
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
]


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in pairs:
        found.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
    return found


def _group(apps, new_name, old_name):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=new_name).first() or Group.objects.filter(name=old_name).first()
    if group is None:
        group = Group(name=new_name)
    group.name = new_name
    group.save()
    return group


def create_roles(apps, schema_editor):
    # Permissions are normally created after the last migration; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # Wagtail adds the publish and lock permissions of snippets after migrating; the roles need them now.
    actor_type = ContentType.objects.get_or_create(app_label="directory", model="actor")[0]
    for action in ("publish", "lock", "unlock"):
        Permission.objects.get_or_create(
            content_type=actor_type, codename=f"{action}_actor", defaults={"name": f"Can {action} acteur"}
        )
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")

    editors = _group(apps, "Rédacteurs", "Editors")
    editors.permissions.add(*access_admin, *_permissions(apps, EDITOR_PERMISSIONS))
    moderators = _group(apps, "Modérateurs", "Moderators")
    moderators.permissions.add(*access_admin, *_permissions(apps, MODERATOR_PERMISSIONS))
    administrators = _group(apps, "Administrateurs", "Administrateurs")
    administrators.permissions.add(*Permission.objects.all())

    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    if root is not None:
        for codename in PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=administrators, page=root, permission=permission)
    if root_collection is not None:
        grants = {
            editors: EDITOR_COLLECTION_PERMISSIONS,
            moderators: COLLECTION_PERMISSIONS,
            administrators: COLLECTION_PERMISSIONS + COLLECTION_MANAGEMENT_PERMISSIONS,
        }
        for group, pairs in grants.items():
            permissions = [
                permission
                for app_label, codenames in pairs
                for permission in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            ]
            GroupCollectionPermission.objects.filter(
                group=group, permission__content_type__app_label__in=["wagtailimages", "wagtaildocs"]
            ).exclude(permission__in=permissions).delete()
            for permission in permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
    editors.permissions.remove(*_permissions(apps, EDITOR_PERMISSIONS_WITHDRAWN))
    _relecture(apps, moderators, administrators)


def _relecture(apps, moderators, administrators):
    """The review workflow: a moderator (or an administrator) approves what an editor submits, for
    pages and for actors."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")

    workflow = Workflow.objects.filter(name="Moderators approval").first() or Workflow.objects.filter(
        name="Relecture"
    ).first()
    if workflow is None:
        workflow = Workflow.objects.create(name="Relecture", active=True)
    workflow.name = "Relecture"
    workflow.save()
    task = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow).first()
    if task is None:
        task_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0]
        task = GroupApprovalTask.objects.create(name="Relecture", active=True, content_type=task_type)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    task.name = "Relecture par un modérateur"
    task.save()
    task.groups.set([moderators, administrators])
    root = Page.objects.filter(depth=1).first()
    if root is not None and not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(page=root, workflow=workflow)
    actor_type = ContentType.objects.get_or_create(app_label="directory", model="actor")[0]
    WorkflowContentType.objects.get_or_create(content_type=actor_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("core", "0001_initial"),
        ("images", "0001_initial"),
        ("users", "0001_initial"),
        ("news", "0001_initial"),
        ("directory", "0001_initial"),
        ("membership", "0001_initial"),
        ("newsletter", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
