/* gdnn-plan-attach.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-plan-attach"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gdnn-plan-attach.h"
#include "gdnn-plan-template.h"
#include "gdnn-unit-setup.h"

/* Attaching a plan to a unit from a plan template, shipped or chosen
 * from a file: the plan is imported when the database does not hold its
 * number yet, and the one already stored is attached otherwise, so that
 * attaching the same template twice never makes two plans. */

#define SHIPPED_PLANS_PATH "/vn/gdnn/Report/plans"

void
gdnn_template_info_free (GdnnTemplateInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->number);
  g_free (info->title);
  g_free (info->issuer);
  g_free (info);
}

static char *
dup_member (JsonObject *obj,
            const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static int
int_member (JsonObject *obj,
            const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return (int) CLAMP (json_node_get_int (node), 0, 9999);
}

/**
 * gdnn_plan_template_peek_data:
 *
 * Reads the number, title, issuer and years of a plan template without
 * storing anything. The full check happens when the plan is imported.
 */
GdnnTemplateInfo *
gdnn_plan_template_peek_data (const char  *data,
                              gsize        length,
                              const char  *source_name,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdnnTemplateInfo) info = g_new0 (GdnnTemplateInfo, 1);
  g_autofree char *format = NULL;
  JsonNode *root;
  JsonObject *obj;

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_utf8_validate (data, length, NULL) ||
      !json_parser_load_from_data (parser, data, (gssize) length, &local_error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      /* Translators: %s is a file name. */
      g_set_error (error, GDNN_TEMPLATE_ERROR, GDNN_TEMPLATE_ERROR_SYNTAX,
                   _("%s is not a plan template (a JSON file)."), source_name);
      return NULL;
    }
  obj = json_node_get_object (root);
  format = dup_member (obj, "format");
  info->number = dup_member (obj, "number");
  if (g_strcmp0 (format, "gdnn-plan-template") != 0 || info->number == NULL)
    {
      g_set_error (error, GDNN_TEMPLATE_ERROR, GDNN_TEMPLATE_ERROR_INVALID,
                   _("%s is not a plan template (a JSON file)."), source_name);
      return NULL;
    }
  info->name = g_strdup (source_name);
  info->title = dup_member (obj, "title");
  info->issuer = dup_member (obj, "issuer");
  info->first_year = int_member (obj, "first_year");
  info->last_year = int_member (obj, "last_year");
  return g_steal_pointer (&info);
}

static GBytes *
lookup_shipped (const char  *name,
                GError     **error)
{
  g_autofree char *path = g_strconcat (SHIPPED_PLANS_PATH "/", name, NULL);

  /* Makes sure the data bundle is registered. */
  g_strfreev (gdnn_plan_template_list_shipped ());
  return g_resources_lookup_data (path, 0, error);
}

/* Returns: (transfer full): a #GdnnTemplateInfo per shipped template. */
GPtrArray *
gdnn_plan_template_list_shipped_info (GError **error)
{
  g_auto(GStrv) names = gdnn_plan_template_list_shipped ();
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gdnn_template_info_free);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = lookup_shipped (names[i], error);
      GdnnTemplateInfo *info;
      gsize len = 0;
      const char *data;

      if (bytes == NULL)
        return NULL;
      data = g_bytes_get_data (bytes, &len);
      info = gdnn_plan_template_peek_data (data, len, names[i], error);
      if (info == NULL)
        return NULL;
      g_ptr_array_add (infos, info);
    }
  return g_steal_pointer (&infos);
}

typedef struct
{
  gint64      unit_id;
  const char *data;
  gsize       length;
  const char *source_name;
  gint64      plan_id;
} Attach;

static gboolean
attach_in_transaction (GdnnStore  *store,
                       gpointer    user_data,
                       GError    **error)
{
  Attach *a = user_data;
  g_autoptr(GdnnTemplateInfo) info = NULL;
  g_autoptr(GdnnPlan) plan = NULL;

  info = gdnn_plan_template_peek_data (a->data, a->length, a->source_name, error);
  if (info == NULL)
    return FALSE;
  plan = gdnn_store_find_plan (store, info->number, NULL);
  a->plan_id = plan != NULL ? plan->id
                            : gdnn_plan_template_import_data (store, a->data, a->length, a->source_name, error);
  if (a->plan_id == 0)
    return FALSE;
  return gdnn_unit_setup_attach_plan (store, a->unit_id, a->plan_id, error);
}

static gint64
attach_data (GdnnStore   *store,
             gint64       unit_id,
             const char  *data,
             gsize        length,
             const char  *source_name,
             GError     **error)
{
  Attach a = { unit_id, data, length, source_name, 0 };

  if (!gdnn_store_run_in_transaction (store, attach_in_transaction, &a, error))
    return 0;
  return a.plan_id;
}

/**
 * gdnn_plan_template_attach_shipped:
 * @name: a name from gdnn_plan_template_list_shipped()
 *
 * Attaches the shipped template's plan to the unit, importing it first
 * when the database does not hold it. All or nothing.
 *
 * Returns: the plan's id, or 0 with @error set
 */
gint64
gdnn_plan_template_attach_shipped (GdnnStore   *store,
                                   gint64       unit_id,
                                   const char  *name,
                                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len = 0;

  g_return_val_if_fail (GDNN_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);

  bytes = lookup_shipped (name, error);
  if (bytes == NULL)
    return 0;
  data = g_bytes_get_data (bytes, &len);
  return attach_data (store, unit_id, data, len, name, error);
}

/* The same for a plan-template file the user chose. */
gint64
gdnn_plan_template_attach_file (GdnnStore   *store,
                                gint64       unit_id,
                                const char  *path,
                                GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (GDNN_IS_STORE (store), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (!g_file_get_contents (path, &data, &length, error))
    return 0;
  name = g_path_get_basename (path);
  return attach_data (store, unit_id, data, length, name, error);
}
