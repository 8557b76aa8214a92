/* gdnn-xlsx-reader.c
 *
 * Copyright 2026 The gdnn-report authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gdnn-xlsx-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <zip.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "gdnn-xlsx-reader.h"

/* How an untrusted workbook is read (docs/submission-reader.md):
 *
 * - the archive is opened from memory with ZIP_CHECKCONS; too many entries,
 *   duplicate names, encrypted entries, compression methods other than
 *   stored and deflated, and declared sizes or ratios above the limits are
 *   refused before anything is inflated;
 * - an entry is inflated in 64 KiB pieces straight into a push parser and
 *   the bytes are counted: more than the entry declares, more than the
 *   per-entry or total limit, or a ratio above the limit stops it. The
 *   declared size is never trusted;
 * - the XML parser is libxml2 in SAX2 mode with our own handler: a DOCTYPE
 *   (internal or external subset), any declaration and any entity reference
 *   other than the five predefined ones stop the parse; getEntity resolves
 *   nothing; XML_PARSE_NONET; no XML_PARSE_NOENT, DTDLOAD or HUGE; errors go
 *   to a per-parse handler, never to stderr. */

#define CHUNK            (64 * 1024)
#define RATIO_FLOOR      (1024 * 1024)     /* ratios are checked above this size */
#define MAX_TEXT         (1024 * 1024)     /* one string or value */
#define MAX_SHEET_NAME   255

static const GdnnXlsxLimits default_limits = {
  .max_entries = 2000,
  .max_entry_size = 64 * 1024 * 1024,
  .max_total_size = 256 * 1024 * 1024,
  .max_ratio = 200,
  .max_cells = 500000,
  .max_strings = 500000,
  .max_sheets = 256,
};

struct _GdnnXlsx
{
  GBytes         *bytes;
  zip_t          *zip;
  GdnnXlsxLimits  limits;
  guint64         total_read;
  GPtrArray      *sheet_names;   /* of char* */
  GPtrArray      *sheet_paths;   /* of char*, entry names */
  GArray         *sheet_hidden;  /* of gboolean */
  GPtrArray      *strings;       /* shared strings */
};

typedef struct
{
  gint64        key;             /* row * GDNN_XLSX_MAX_COLS + col */
  GdnnXlsxCell  cell;
  char         *text;
  char         *formula;
} CellSlot;

struct _GdnnXlsxSheet
{
  GHashTable *cells;             /* &CellSlot.key → CellSlot */
  guint       n_rows;
};

static const GdnnXlsxCell empty_cell = { GDNN_XLSX_CELL_EMPTY, 0, "", NULL };

G_DEFINE_QUARK (gdnn-xlsx-error-quark, gdnn_xlsx_error)

const GdnnXlsxLimits *
gdnn_xlsx_default_limits (void)
{
  return &default_limits;
}

/* ---- Cell references ---------------------------------------------- */

static gboolean
parse_a1 (const char *p,
          const char *end,
          guint      *row,
          guint      *col)
{
  guint64 c = 0, r = 0;
  guint letters = 0, digits = 0;

  if (p < end && *p == '$')
    p++;
  while (p < end && g_ascii_isalpha (*p) && letters < 4)
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      p++;
      letters++;
    }
  if (p < end && *p == '$')
    p++;
  while (p < end && g_ascii_isdigit (*p) && digits < 8)
    {
      r = r * 10 + (*p - '0');
      p++;
      digits++;
    }
  if (p != end || letters == 0 || digits == 0 || c > GDNN_XLSX_MAX_COLS || r == 0 || r > GDNN_XLSX_MAX_ROWS)
    return FALSE;
  *row = (guint) r - 1;
  *col = (guint) c - 1;
  return TRUE;
}

gboolean
gdnn_xlsx_parse_ref (const char  *ref,
                     char       **sheet_name,
                     guint       *row,
                     guint       *col)
{
  g_autoptr(GString) name = NULL;
  const char *p = ref;
  const char *bang;
  guint r, c;

  g_return_val_if_fail (row != NULL && col != NULL, FALSE);
  if (sheet_name != NULL)
    *sheet_name = NULL;
  if (ref == NULL)
    return FALSE;

  if (*p == '\'')
    {
      name = g_string_new (NULL);
      for (p++; ; p++)
        {
          if (*p == '\0')
            return FALSE;
          if (*p == '\'')
            {
              if (p[1] == '\'')
                {
                  g_string_append_c (name, '\'');
                  p++;
                  continue;
                }
              p++;
              break;
            }
          g_string_append_c (name, *p);
        }
      if (*p != '!' || name->len == 0)
        return FALSE;
      p++;
    }
  else if ((bang = strchr (p, '!')) != NULL)
    {
      if (bang == p)
        return FALSE;
      name = g_string_new_len (p, bang - p);
      p = bang + 1;
    }

  if (!parse_a1 (p, p + strlen (p), &r, &c))
    return FALSE;
  if (name != NULL && !g_utf8_validate (name->str, name->len, NULL))
    return FALSE;
  *row = r;
  *col = c;
  if (sheet_name != NULL && name != NULL)
    *sheet_name = g_string_free (g_steal_pointer (&name), FALSE);
  return TRUE;
}

char *
gdnn_xlsx_cell_name (guint row,
                     guint col)
{
  char letters[8];
  int n = 0;
  char out[8];
  int k = 0;

  col++;
  while (col > 0 && n < 7)
    {
      letters[n++] = 'A' + (col - 1) % 26;
      col = (col - 1) / 26;
    }
  while (n > 0)
    out[k++] = letters[--n];
  out[k] = '\0';
  return g_strdup_printf ("%s%u", out, row + 1);
}

/* ---- The SAX parse ------------------------------------------------- */

typedef struct _Parse Parse;

typedef void (*StartFunc) (Parse          *p,
                           const char     *name,
                           const xmlChar **attrs,
                           int             n_attrs);
typedef void (*EndFunc)   (Parse          *p,
                           const char     *name);

struct _Parse
{
  GdnnXlsx         *xlsx;
  const char       *entry;
  xmlParserCtxtPtr  ctxt;
  GError           *error;
  const char       *sheet;        /* the sheet's name when the part is a sheet */
  char             *label;        /* "The sheet “Chỉ tiêu”" or "The part “xl/styles.xml”" */
  int               xml_line;     /* where libxml2 found its first error, 0 for none */
  int               xml_column;
  StartFunc         start;
  EndFunc           end;
  GString          *text;
  gboolean          collect;
  gpointer          data;
};

static void parse_fail (Parse      *p,
                        int         code,
                        const char *format,
                        ...) G_GNUC_PRINTF (3, 4);

static void
parse_fail (Parse      *p,
            int         code,
            const char *format,
            ...)
{
  va_list args;

  if (p->error == NULL)
    {
      va_start (args, format);
      p->error = g_error_new_valist (GDNN_XLSX_ERROR, code, format, args);
      va_end (args);
    }
  if (p->ctxt != NULL)
    xmlStopParser (p->ctxt);
}

static void
hostile (Parse *p)
{
  parse_fail (p, GDNN_XLSX_ERROR_HOSTILE,
              /* Translators: %s is "The sheet “…”" or "The part “…”". */
              _("%s of the workbook declares a DTD or entities, which a spreadsheet never needs; "
                "it is refused as possibly hostile."), p->label);
}

static void
sax_internal_subset (void          *ctx,
                     const xmlChar *name,
                     const xmlChar *external_id,
                     const xmlChar *system_id)
{
  hostile (ctx);
}

static void
sax_entity_decl (void          *ctx,
                 const xmlChar *name,
                 int            type,
                 const xmlChar *public_id,
                 const xmlChar *system_id,
                 xmlChar       *content)
{
  hostile (ctx);
}

static void
sax_reference (void          *ctx,
               const xmlChar *name)
{
  hostile (ctx);
}

static xmlEntityPtr
sax_get_entity (void          *ctx,
                const xmlChar *name)
{
  /* The five predefined entities are handled by the parser before it asks;
   * nothing else exists. */
  return NULL;
}

static xmlParserInputPtr
sax_resolve_entity (void          *ctx,
                    const xmlChar *public_id,
                    const xmlChar *system_id)
{
  hostile (ctx);
  return NULL;
}

static void
sax_notation_decl (void          *ctx,
                   const xmlChar *name,
                   const xmlChar *public_id,
                   const xmlChar *system_id)
{
  hostile (ctx);
}

static void
sax_unparsed_entity_decl (void          *ctx,
                          const xmlChar *name,
                          const xmlChar *public_id,
                          const xmlChar *system_id,
                          const xmlChar *notation)
{
  hostile (ctx);
}

static void
sax_start (void           *ctx,
           const xmlChar  *localname,
           const xmlChar  *prefix,
           const xmlChar  *uri,
           int             n_namespaces,
           const xmlChar **namespaces,
           int             n_attrs,
           int             n_defaulted,
           const xmlChar **attrs)
{
  Parse *p = ctx;

  if (p->error == NULL && p->start != NULL)
    p->start (p, (const char *) localname, attrs, n_attrs);
}

static void
sax_end (void          *ctx,
         const xmlChar *localname,
         const xmlChar *prefix,
         const xmlChar *uri)
{
  Parse *p = ctx;

  if (p->error == NULL && p->end != NULL)
    p->end (p, (const char *) localname);
}

static void
sax_characters (void          *ctx,
                const xmlChar *ch,
                int            len)
{
  Parse *p = ctx;

  if (!p->collect || p->error != NULL)
    return;
  if (p->text->len + (gsize) len > MAX_TEXT)
    {
      parse_fail (p, GDNN_XLSX_ERROR_TOO_LARGE,
                  /* Translators: %s is "The sheet “…”" or "The part “…”". */
                  _("%s of the workbook holds a text longer than 1 MiB."), p->label);
      return;
    }
  g_string_append_len (p->text, (const char *) ch, len);
}

static void
sax_error (void        *ctx,
           xmlErrorPtr  err)
{
  Parse *p = ctx;

  /* Only where: libxml2's own text is English. */
  if (p->xml_line == 0 && err != NULL && err->level >= XML_ERR_ERROR)
    {
      p->xml_line = MAX (err->line, 1);
      p->xml_column = MAX (err->int2, 1);
    }
}

static void
silent_generic_error (void       *ctx,
                      const char *msg,
                      ...)
{
}

/* Value of the attribute @name without a prefix (@prefixed: with any). */
static const char *
attr (const xmlChar **attrs,
      int             n_attrs,
      const char     *name,
      gboolean        prefixed,
      char          **owned)
{
  for (int i = 0; i < n_attrs; i++)
    {
      const xmlChar **a = attrs + 5 * i;
      if (strcmp ((const char *) a[0], name) == 0 && (a[1] != NULL) == prefixed)
        {
          g_free (*owned);
          *owned = g_strndup ((const char *) a[3], a[4] - a[3]);
          return *owned;
        }
    }
  return NULL;
}

static zip_int64_t
locate (GdnnXlsx   *xlsx,
        const char *name)
{
  return zip_name_locate (xlsx->zip, name, ZIP_FL_NOCASE);
}

/* Our own words for libzip's error @ze (its text is English): about the
 * archive when @label is NULL, else about the part @label names. */
static void
set_zip_error (GError    **error,
               int         ze,
               const char *label)
{
  switch (ze)
    {
    case ZIP_ER_NOZIP:
      g_set_error_literal (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_NOT_ZIP,
                           _("The file is not an Excel workbook (.xlsx): it is not a zip archive."));
      return;
    case ZIP_ER_EXISTS:
      g_set_error_literal (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_NOT_WORKBOOK,
                           _("The archive holds two entries with the same name: it is not a file written by Excel "
                             "or this program."));
      return;
    case ZIP_ER_MULTIDISK:
      g_set_error_literal (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_NOT_WORKBOOK,
                           _("The file is one piece of an archive split in several files: it is not a file "
                             "written by Excel or this program."));
      return;
    case ZIP_ER_MEMORY:
      g_set_error_literal (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_TOO_LARGE,
                           _("Out of memory while reading the workbook."));
      return;
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      g_set_error_literal (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_UNSUPPORTED,
                           _("The workbook is encrypted or password-protected."));
      return;
    case ZIP_ER_COMPNOTSUPP:
      g_set_error_literal (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_UNSUPPORTED,
                           _("The workbook uses a compression method a workbook does not use."));
      return;
    default:
      if (label != NULL)
        g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_DAMAGED,
                     /* Translators: %s is "The sheet “…”" or "The part “…”". */
                     _("%s of the workbook is damaged: its content does not match its size or checksum."), label);
      else
        g_set_error_literal (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_DAMAGED,
                             _("The workbook is damaged or incomplete (truncated)."));
      return;
    }
}

/* "The sheet “Chỉ tiêu”" for a sheet, else "The part “xl/styles.xml”":
 * the officer knows sheets by their names. */
static char *
part_label (const char *entry,
            const char *sheet)
{
  if (sheet != NULL)
    /* Translators: %s is a sheet's name; the start of a sentence. */
    return g_strdup_printf (_("The sheet “%s”"), sheet);
  /* Translators: %s is the name of a part inside the workbook; the start of a sentence. */
  return g_strdup_printf (_("The part “%s”"), entry);
}

/* Inflates the entry @name piece by piece into the parser. */
static gboolean
parse_entry (GdnnXlsx  *xlsx,
             const char *name,
             Parse     *p,
             GError   **error)
{
  xmlSAXHandler sax = { 0 };
  zip_int64_t index = locate (xlsx, name);
  zip_stat_t st;
  zip_file_t *zf = NULL;
  g_autofree char *buf = NULL;
  guint64 count = 0;
  xmlGenericErrorFunc saved_generic = xmlGenericError;
  void *saved_generic_ctx = xmlGenericErrorContext;
  gboolean ok = FALSE;

  g_return_val_if_fail (index >= 0, FALSE);

  zip_stat_init (&st);
  p->label = part_label (name, p->sheet);
  if (zip_stat_index (xlsx->zip, index, 0, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0)
    {
      set_zip_error (error, zip_error_code_zip (zip_get_error (xlsx->zip)), p->label);
      g_clear_pointer (&p->label, g_free);
      return FALSE;
    }

  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = sax_start;
  sax.endElementNs = sax_end;
  sax.characters = sax_characters;
  sax.cdataBlock = sax_characters;
  sax.internalSubset = sax_internal_subset;
  sax.externalSubset = sax_internal_subset;
  sax.entityDecl = sax_entity_decl;
  sax.notationDecl = sax_notation_decl;
  sax.unparsedEntityDecl = sax_unparsed_entity_decl;
  sax.reference = sax_reference;
  sax.getEntity = sax_get_entity;
  sax.getParameterEntity = sax_get_entity;
  sax.resolveEntity = sax_resolve_entity;
  sax.serror = sax_error;

  p->xlsx = xlsx;
  p->entry = name;
  p->text = g_string_new (NULL);

  /* Some messages of libxml2 bypass the per-parse handler; keep them off
   * stderr for this parse only. */
  xmlSetGenericErrorFunc (NULL, silent_generic_error);

  p->ctxt = xmlCreatePushParserCtxt (&sax, p, NULL, 0, name);
  if (p->ctxt == NULL)
    {
      g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_MALFORMED, _("Out of memory while reading the workbook."));
      goto out;
    }
  xmlCtxtUseOptions (p->ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);

  zf = zip_fopen_index (xlsx->zip, index, 0);
  if (zf == NULL)
    {
      set_zip_error (error, zip_error_code_zip (zip_get_error (xlsx->zip)), p->label);
      goto out;
    }

  buf = g_malloc (CHUNK);
  for (;;)
    {
      zip_int64_t n = zip_fread (zf, buf, CHUNK);

      if (n < 0)
        {
          set_zip_error (error, zip_error_code_zip (zip_file_get_error (zf)), p->label);
          goto out;
        }
      if (n == 0)
        break;
      count += (guint64) n;
      xlsx->total_read += (guint64) n;
      if (count > st.size)
        {
          g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_TOO_LARGE,
                       /* Translators: %s is "The sheet “…”" or "The part “…”". */
                       _("%s of the workbook inflates to more than it declares (a zip bomb)."), p->label);
          goto out;
        }
      if (count > xlsx->limits.max_entry_size || xlsx->total_read > xlsx->limits.max_total_size)
        {
          g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_TOO_LARGE,
                       _("%s of the workbook inflates to more than the limit of %u MiB."), p->label,
                       (guint) (MIN (xlsx->limits.max_entry_size, xlsx->limits.max_total_size) >> 20));
          goto out;
        }
      if (count > RATIO_FLOOR && (st.valid & ZIP_STAT_COMP_SIZE) != 0 &&
          count / MAX (st.comp_size, 1) > xlsx->limits.max_ratio)
        {
          g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_TOO_LARGE,
                       _("%s of the workbook is compressed more than %u:1 (a zip bomb)."), p->label,
                       xlsx->limits.max_ratio);
          goto out;
        }
      xmlParseChunk (p->ctxt, buf, (int) n, 0);
      if (p->error != NULL)
        break;
    }
  if (p->error == NULL)
    {
      if (count != st.size)
        {
          g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_DAMAGED,
                       _("%s of the workbook is shorter than it declares; the file is damaged."), p->label);
          goto out;
        }
      xmlParseChunk (p->ctxt, NULL, 0, 1);
    }
  if (p->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&p->error));
      goto out;
    }
  if (!p->ctxt->wellFormed)
    {
      g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_MALFORMED,
                   /* Translators: %s is "The sheet “…”" or "The part “…”", then a line and a column. */
                   _("%s of the workbook is not well-formed XML (line %d, column %d)."), p->label,
                   MAX (p->xml_line, 1), MAX (p->xml_column, 1));
      goto out;
    }
  ok = TRUE;

out:
  if (zf != NULL)
    zip_fclose (zf);
  if (p->ctxt != NULL)
    {
      if (p->ctxt->myDoc != NULL)
        xmlFreeDoc (p->ctxt->myDoc);
      xmlFreeParserCtxt (p->ctxt);
      p->ctxt = NULL;
    }
  xmlSetGenericErrorFunc (saved_generic_ctx, saved_generic);
  g_clear_error (&p->error);
  g_clear_pointer (&p->label, g_free);
  g_string_free (p->text, TRUE);
  p->text = NULL;
  return ok;
}

/* ---- Workbook parts ------------------------------------------------ */

typedef struct
{
  GHashTable *targets;  /* Id → entry name */
  char       *shared_strings;
} Rels;

/* "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml";
 * NULL when the target climbs out of the package ("../../tmp/x.xml"). */
static char *
resolve_target (const char *target)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autofree char *full = NULL;

  if (target[0] == '/')
    full = g_strdup (target + 1);
  else
    full = g_strconcat ("xl/", target, NULL);
  parts = g_strsplit (full, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (out->len == 0)
            return NULL;
          g_ptr_array_remove_index (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("/", (char **) out->pdata);
}

static void
rels_start (Parse          *p,
            const char     *name,
            const xmlChar **attrs,
            int             n_attrs)
{
  Rels *rels = p->data;
  g_autofree char *id = NULL, *target = NULL, *type = NULL, *mode = NULL;
  g_autofree char *resolved = NULL;

  if (!g_str_equal (name, "Relationship"))
    return;
  attr (attrs, n_attrs, "Id", FALSE, &id);
  attr (attrs, n_attrs, "Target", FALSE, &target);
  attr (attrs, n_attrs, "Type", FALSE, &type);
  attr (attrs, n_attrs, "TargetMode", FALSE, &mode);
  if (id == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
    return;
  if (g_hash_table_size (rels->targets) >= p->xlsx->limits.max_entries)
    {
      parse_fail (p, GDNN_XLSX_ERROR_TOO_LARGE, _("The workbook has too many relationships."));
      return;
    }
  resolved = resolve_target (target);
  if (resolved == NULL || strchr (target, '\\') != NULL)
    {
      parse_fail (p, GDNN_XLSX_ERROR_NOT_WORKBOOK,
                  /* Translators: %s is a path inside the workbook as the workbook gives it. */
                  _("The workbook points to a part “%s” outside itself: it is not a file written by Excel or this "
                    "program."), target);
      return;
    }
  if (type != NULL && g_str_has_suffix (type, "/sharedStrings") && rels->shared_strings == NULL)
    rels->shared_strings = g_strdup (resolved);
  g_hash_table_replace (rels->targets, g_steal_pointer (&id), g_steal_pointer (&resolved));
}

typedef struct
{
  GPtrArray *names;
  GPtrArray *ids;
  GArray    *hidden;
} SheetList;

static void
workbook_start (Parse          *p,
                const char     *name,
                const xmlChar **attrs,
                int             n_attrs)
{
  SheetList *list = p->data;
  g_autofree char *sheet = NULL, *state = NULL, *id = NULL;
  gboolean hidden;

  if (!g_str_equal (name, "sheet"))
    return;
  attr (attrs, n_attrs, "name", FALSE, &sheet);
  attr (attrs, n_attrs, "state", FALSE, &state);
  attr (attrs, n_attrs, "id", TRUE, &id);
  if (sheet == NULL || id == NULL || *sheet == '\0' || strlen (sheet) > MAX_SHEET_NAME)
    {
      parse_fail (p, GDNN_XLSX_ERROR_NOT_WORKBOOK, _("The workbook lists a sheet without a name or a part."));
      return;
    }
  if (list->names->len >= p->xlsx->limits.max_sheets)
    {
      parse_fail (p, GDNN_XLSX_ERROR_TOO_LARGE, _("The workbook has more than %u sheets."),
                  p->xlsx->limits.max_sheets);
      return;
    }
  hidden = state != NULL && (g_str_equal (state, "hidden") || g_str_equal (state, "veryHidden"));
  g_ptr_array_add (list->names, g_steal_pointer (&sheet));
  g_ptr_array_add (list->ids, g_steal_pointer (&id));
  g_array_append_val (list->hidden, hidden);
}

/* Shared strings: <si> with <t> directly or in rich-text runs <r><t>;
 * phonetic runs <rPh> are not part of the text. */
typedef struct
{
  GString *si;
  guint    in_si;
  guint    in_phonetic;
} Strings;

static void
strings_start (Parse          *p,
               const char     *name,
               const xmlChar **attrs,
               int             n_attrs)
{
  Strings *s = p->data;

  if (g_str_equal (name, "si"))
    {
      if (s->in_si)
        {
          parse_fail (p, GDNN_XLSX_ERROR_MALFORMED, _("The shared strings of the workbook are nested."));
          return;
        }
      if (p->xlsx->strings->len >= p->xlsx->limits.max_strings)
        {
          parse_fail (p, GDNN_XLSX_ERROR_TOO_LARGE, _("The workbook has more than %u shared strings."),
                      p->xlsx->limits.max_strings);
          return;
        }
      s->in_si = 1;
      g_string_truncate (s->si, 0);
    }
  else if (g_str_equal (name, "rPh"))
    s->in_phonetic++;
  else if (g_str_equal (name, "t") && s->in_si && s->in_phonetic == 0)
    {
      g_string_truncate (p->text, 0);
      p->collect = TRUE;
    }
}

static void
strings_end (Parse      *p,
             const char *name)
{
  Strings *s = p->data;

  if (g_str_equal (name, "t") && p->collect)
    {
      p->collect = FALSE;
      if (s->si->len + p->text->len > MAX_TEXT)
        {
          parse_fail (p, GDNN_XLSX_ERROR_TOO_LARGE, _("%s of the workbook holds a text longer than 1 MiB."),
                      p->label);
          return;
        }
      g_string_append_len (s->si, p->text->str, p->text->len);
    }
  else if (g_str_equal (name, "rPh") && s->in_phonetic > 0)
    s->in_phonetic--;
  else if (g_str_equal (name, "si") && s->in_si)
    {
      s->in_si = 0;
      g_ptr_array_add (p->xlsx->strings, g_strndup (s->si->str, s->si->len));
    }
}

static gboolean
parse_simple (GdnnXlsx   *xlsx,
              const char *entry,
              StartFunc   start,
              EndFunc     end,
              gpointer    data,
              GError    **error)
{
  Parse p = { 0 };

  p.start = start;
  p.end = end;
  p.data = data;
  return parse_entry (xlsx, entry, &p, error);
}

/* A part name as the package format allows it: relative to the package's
 * root, "/"-separated segments that are neither empty, "." nor "..", do
 * not end in ".", and hold no backslash or control character. A folder
 * entry (a name ending in "/") some zip tools add is allowed. */
static gboolean
valid_part_name (const char *name)
{
  g_auto(GStrv) segments = NULL;

  if (name[0] == '\0' || name[0] == '/' || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (*c == '\\' || (guchar) *c < 0x20 || *c == 0x7f)
      return FALSE;
  segments = g_strsplit (name, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      const char *seg = segments[i];

      /* The empty segment after a folder entry's final "/". */
      if (segments[i + 1] == NULL && seg[0] == '\0' && name[strlen (name) - 1] == '/')
        break;
      if (seg[0] == '\0' || g_str_has_suffix (seg, "."))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_archive (GdnnXlsx  *xlsx,
               GError   **error)
{
  zip_int64_t n = zip_get_num_entries (xlsx->zip, 0);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint64 total = 0;

  if (n < 0 || (guint64) n > xlsx->limits.max_entries)
    {
      g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_TOO_LARGE,
                   _("The archive has more than %u entries; a workbook has far fewer."), xlsx->limits.max_entries);
      return FALSE;
    }
  for (zip_int64_t i = 0; i < n; i++)
    {
      zip_stat_t st;
      char *lower;

      zip_stat_init (&st);
      if (zip_stat_index (xlsx->zip, i, 0, &st) != 0 ||
          (st.valid & (ZIP_STAT_NAME | ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD)) !=
          (ZIP_STAT_NAME | ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD))
        {
          set_zip_error (error, zip_error_code_zip (zip_get_error (xlsx->zip)), NULL);
          return FALSE;
        }
      if (!valid_part_name (st.name))
        {
          g_autofree char *shown = g_utf8_make_valid (st.name, -1);

          g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_NOT_WORKBOOK,
                       /* Translators: %s is the name of an entry in the zip archive. */
                       _("The archive holds an entry named “%s”, a name no workbook part may have: it is not a "
                         "file written by Excel or this program."), shown);
          return FALSE;
        }
      /* Part names compare without regard to case. */
      lower = g_utf8_casefold (st.name, -1);
      if (!g_hash_table_add (names, lower))
        {
          g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_NOT_WORKBOOK,
                       /* Translators: %s is the name of an entry in the zip archive. */
                       _("The archive holds the entry “%s” twice: it is not a file written by Excel or this "
                         "program."), st.name);
          return FALSE;
        }
      if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE)
        {
          g_set_error_literal (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_UNSUPPORTED,
                               _("The workbook is encrypted or password-protected."));
          return FALSE;
        }
      if (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE)
        {
          g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_UNSUPPORTED,
                       _("The entry “%s” of the archive uses a compression method a workbook does not use."), st.name);
          return FALSE;
        }
      if (st.size > xlsx->limits.max_entry_size)
        {
          g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_TOO_LARGE,
                       _("The entry “%s” of the archive declares %u MiB, more than the limit of %u MiB."),
                       st.name, (guint) MIN (st.size >> 20, (guint64) G_MAXUINT), (guint) (xlsx->limits.max_entry_size >> 20));
          return FALSE;
        }
      if (st.size > RATIO_FLOOR && st.size / MAX (st.comp_size, 1) > xlsx->limits.max_ratio)
        {
          g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_TOO_LARGE,
                       _("The part “%s” of the workbook is compressed more than %u:1 (a zip bomb)."), st.name,
                       xlsx->limits.max_ratio);
          return FALSE;
        }
      total += st.size;
      if (total > xlsx->limits.max_total_size)
        {
          g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_TOO_LARGE,
                       _("The archive inflates to more than the limit of %u MiB."),
                       (guint) (xlsx->limits.max_total_size >> 20));
          return FALSE;
        }
    }
  return TRUE;
}

GdnnXlsx *
gdnn_xlsx_open_bytes (GBytes               *bytes,
                      const GdnnXlsxLimits *limits,
                      GError              **error)
{
  g_autoptr(GdnnXlsx) xlsx = NULL;
  zip_error_t zerr;
  zip_source_t *src;
  gsize size;
  const guint8 *data;
  SheetList list = { 0 };
  Rels rels = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);

  LIBXML_TEST_VERSION;

  xlsx = g_new0 (GdnnXlsx, 1);
  xlsx->bytes = g_bytes_ref (bytes);
  xlsx->limits = limits != NULL ? *limits : default_limits;
  xlsx->sheet_names = g_ptr_array_new_with_free_func (g_free);
  xlsx->sheet_paths = g_ptr_array_new_with_free_func (g_free);
  xlsx->sheet_hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));
  xlsx->strings = g_ptr_array_new_with_free_func (g_free);

  data = g_bytes_get_data (bytes, &size);
  /* A workbook begins with its first entry; libzip would accept an empty
   * buffer as an empty archive and find archives behind other data. */
  if (size < 4 || memcmp (data, "PK\003\004", 4) != 0)
    {
      g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_NOT_ZIP,
                   _("The file is not an Excel workbook (.xlsx): it is not a zip archive."));
      return NULL;
    }
  zip_error_init (&zerr);
  src = zip_source_buffer_create (size > 0 ? (const void *) data : (const void *) "", size, 0, &zerr);
  if (src == NULL)
    {
      g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_NOT_ZIP, _("Out of memory while reading the workbook."));
      zip_error_fini (&zerr);
      return NULL;
    }
  xlsx->zip = zip_open_from_source (src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  if (xlsx->zip == NULL)
    {
      int ze = zip_error_code_zip (&zerr);

      zip_source_free (src);

      /* It begins like a zip archive, so one without its directory at
       * the end was cut short. */
      set_zip_error (error, ze == ZIP_ER_NOZIP ? ZIP_ER_INCONS : ze, NULL);
      zip_error_fini (&zerr);
      return NULL;
    }
  zip_error_fini (&zerr);

  if (!check_archive (xlsx, error))
    return NULL;

  if (locate (xlsx, "[Content_Types].xml") < 0 || locate (xlsx, "xl/workbook.xml") < 0 ||
      locate (xlsx, "xl/_rels/workbook.xml.rels") < 0)
    {
      g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_NOT_WORKBOOK,
                   _("The file is a zip archive but not an Excel workbook (.xlsx)."));
      return NULL;
    }
  if (!parse_simple (xlsx, "[Content_Types].xml", NULL, NULL, NULL, error))
    return NULL;

  list.names = g_ptr_array_new_with_free_func (g_free);
  list.ids = g_ptr_array_new_with_free_func (g_free);
  list.hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));
  rels.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!parse_simple (xlsx, "xl/workbook.xml", workbook_start, NULL, &list, error))
    goto out;
  if (!parse_simple (xlsx, "xl/_rels/workbook.xml.rels", rels_start, NULL, &rels, error))
    goto out;

  for (guint i = 0; i < list.names->len; i++)
    {
      const char *target = g_hash_table_lookup (rels.targets, g_ptr_array_index (list.ids, i));

      for (guint k = 0; k < i; k++)
        if (g_str_equal (g_ptr_array_index (list.names, k), g_ptr_array_index (list.names, i)))
          {
            g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_NOT_WORKBOOK,
                         /* Translators: %s is a sheet name. */
                         _("The workbook has two sheets named “%s”."), (char *) g_ptr_array_index (list.names, i));
            goto out;
          }
      if (target == NULL || locate (xlsx, target) < 0)
        {
          g_set_error (error, GDNN_XLSX_ERROR, GDNN_XLSX_ERROR_NOT_WORKBOOK,
                       _("The sheet “%s” of the workbook has no content."), (char *) g_ptr_array_index (list.names, i));
          goto out;
        }
      g_ptr_array_add (xlsx->sheet_names, g_strdup (g_ptr_array_index (list.names, i)));
      g_ptr_array_add (xlsx->sheet_paths, g_strdup (target));
      g_array_append_val (xlsx->sheet_hidden, g_array_index (list.hidden, gboolean, i));
    }

  if (rels.shared_strings != NULL && locate (xlsx, rels.shared_strings) >= 0)
    {
      Strings s = { 0 };
      gboolean read;

      s.si = g_string_new (NULL);
      read = parse_simple (xlsx, rels.shared_strings, strings_start, strings_end, &s, error);
      g_string_free (s.si, TRUE);
      if (!read)
        goto out;
    }
  ok = TRUE;

out:
  g_ptr_array_unref (list.names);
  g_ptr_array_unref (list.ids);
  g_array_unref (list.hidden);
  g_hash_table_unref (rels.targets);
  g_free (rels.shared_strings);
  return ok ? g_steal_pointer (&xlsx) : NULL;
}

void
gdnn_xlsx_free (GdnnXlsx *xlsx)
{
  if (xlsx == NULL)
    return;
  if (xlsx->zip != NULL)
    zip_discard (xlsx->zip);
  g_bytes_unref (xlsx->bytes);
  g_ptr_array_unref (xlsx->sheet_names);
  g_ptr_array_unref (xlsx->sheet_paths);
  g_array_unref (xlsx->sheet_hidden);
  g_ptr_array_unref (xlsx->strings);
  g_free (xlsx);
}

guint
gdnn_xlsx_get_n_sheets (GdnnXlsx *xlsx)
{
  return xlsx->sheet_names->len;
}

const char *
gdnn_xlsx_get_sheet_name (GdnnXlsx *xlsx,
                          guint     index)
{
  g_return_val_if_fail (index < xlsx->sheet_names->len, NULL);
  return g_ptr_array_index (xlsx->sheet_names, index);
}

gboolean
gdnn_xlsx_get_sheet_hidden (GdnnXlsx *xlsx,
                            guint     index)
{
  g_return_val_if_fail (index < xlsx->sheet_names->len, FALSE);
  return g_array_index (xlsx->sheet_hidden, gboolean, index);
}

int
gdnn_xlsx_find_sheet (GdnnXlsx   *xlsx,
                      const char *name)
{
  for (guint i = 0; i < xlsx->sheet_names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (xlsx->sheet_names, i), name) == 0)
      return (int) i;
  return -1;
}

/* ---- Sheets -------------------------------------------------------- */

typedef struct
{
  GdnnXlsxSheet *sheet;
  gboolean       in_data;
  gboolean       in_cell;
  gboolean       in_inline;
  guint          in_phonetic;
  gint64         row;          /* current row, -1 before the first */
  guint          next_col;
  guint          cell_row, cell_col;
  char          *type;
  GString       *value;        /* <v> */
  GString       *inline_text;  /* <is> */
  GString       *formula;      /* <f> */
  gboolean       has_value, has_inline, has_formula;
} SheetParse;

static void
slot_free (gpointer data)
{
  CellSlot *slot = data;

  g_free (slot->text);
  g_free (slot->formula);
  g_free (slot);
}

static void
sheet_start (Parse          *p,
             const char     *name,
             const xmlChar **attrs,
             int             n_attrs)
{
  SheetParse *s = p->data;
  g_autofree char *r = NULL;

  if (g_str_equal (name, "sheetData"))
    s->in_data = TRUE;
  else if (!s->in_data)
    return;
  else if (g_str_equal (name, "row"))
    {
      guint64 n = 0;

      if (attr (attrs, n_attrs, "r", FALSE, &r) != NULL)
        {
          if (!g_ascii_string_to_unsigned (r, 10, 1, GDNN_XLSX_MAX_ROWS, &n, NULL))
            {
              parse_fail (p, GDNN_XLSX_ERROR_MALFORMED, _("The sheet “%s” of the workbook has a row numbered “%s”."),
                          p->sheet, r);
              return;
            }
          s->row = (gint64) n - 1;
        }
      else
        s->row++;
      if (s->row >= GDNN_XLSX_MAX_ROWS)
        {
          parse_fail (p, GDNN_XLSX_ERROR_MALFORMED, _("The sheet “%s” of the workbook has too many rows."), p->sheet);
          return;
        }
      s->next_col = 0;
    }
  else if (g_str_equal (name, "c"))
    {
      if (s->in_cell)
        {
          parse_fail (p, GDNN_XLSX_ERROR_MALFORMED, _("The sheet “%s” of the workbook has nested cells."), p->sheet);
          return;
        }
      if (attr (attrs, n_attrs, "r", FALSE, &r) != NULL)
        {
          if (!gdnn_xlsx_parse_ref (r, NULL, &s->cell_row, &s->cell_col) || strchr (r, '$') != NULL)
            {
              parse_fail (p, GDNN_XLSX_ERROR_MALFORMED,
                          _("The sheet “%s” of the workbook has a cell named “%s”."), p->sheet, r);
              return;
            }
        }
      else
        {
          if (s->row < 0 || s->next_col >= GDNN_XLSX_MAX_COLS)
            {
              parse_fail (p, GDNN_XLSX_ERROR_MALFORMED,
                          _("The sheet “%s” of the workbook has a cell without a place."), p->sheet);
              return;
            }
          s->cell_row = (guint) s->row;
          s->cell_col = s->next_col;
        }
      s->next_col = s->cell_col + 1;
      s->in_cell = TRUE;
      g_clear_pointer (&s->type, g_free);
      attr (attrs, n_attrs, "t", FALSE, &s->type);
      g_string_truncate (s->value, 0);
      g_string_truncate (s->inline_text, 0);
      g_string_truncate (s->formula, 0);
      s->has_value = s->has_inline = s->has_formula = FALSE;
    }
  else if (!s->in_cell)
    return;
  else if (g_str_equal (name, "v") && !s->in_inline)
    {
      g_string_truncate (p->text, 0);
      p->collect = TRUE;
    }
  else if (g_str_equal (name, "f") && !s->in_inline)
    {
      g_string_truncate (p->text, 0);
      p->collect = TRUE;
    }
  else if (g_str_equal (name, "is"))
    {
      s->in_inline = TRUE;
      s->has_inline = TRUE;
    }
  else if (g_str_equal (name, "rPh"))
    s->in_phonetic++;
  else if (g_str_equal (name, "t") && s->in_inline && s->in_phonetic == 0)
    {
      g_string_truncate (p->text, 0);
      p->collect = TRUE;
    }
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end = NULL;
  double d;

  if (*text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  d = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || !isfinite (d))
    return FALSE;
  *out = d;
  return TRUE;
}

static void
store_cell (Parse *p,
            SheetParse *s)
{
  GdnnXlsxCell cell = { GDNN_XLSX_CELL_EMPTY, 0, NULL, NULL };
  const char *type = s->type != NULL ? s->type : "n";
  g_autofree char *name = gdnn_xlsx_cell_name (s->cell_row, s->cell_col);
  CellSlot *slot;
  char *text = NULL;
  gboolean cached;

  /* A formula without its result (openpyxl and other tools drop the
   * results and write <v></v> or no <v>): an empty cell that keeps its
   * formula. */
  if (s->has_value && !g_str_equal (type, "str") && !g_str_equal (type, "inlineStr"))
    {
      g_strstrip (s->value->str);
      s->value->len = strlen (s->value->str);
      if (s->value->len == 0)
        s->has_value = FALSE;
    }
  cached = g_str_equal (type, "inlineStr") ? s->has_inline : s->has_value;

  if (!cached)
    {
      if (!s->has_formula)
        return;
      text = g_strdup ("");
    }
  else if (g_str_equal (type, "inlineStr"))
    {
      cell.type = GDNN_XLSX_CELL_STRING;
      text = g_strndup (s->inline_text->str, s->inline_text->len);
    }
  else if (g_str_equal (type, "s"))
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (s->value->str, 10, 0, G_MAXUINT, &index, NULL) ||
          index >= p->xlsx->strings->len)
        {
          parse_fail (p, GDNN_XLSX_ERROR_MALFORMED,
                      _("The cell %s of the sheet “%s” points to a shared string that does not exist."), name, p->sheet);
          return;
        }
      cell.type = GDNN_XLSX_CELL_STRING;
      text = g_strdup (g_ptr_array_index (p->xlsx->strings, index));
    }
  else if (g_str_equal (type, "str") || g_str_equal (type, "d"))
    {
      cell.type = GDNN_XLSX_CELL_STRING;
      text = g_strndup (s->value->str, s->value->len);
    }
  else if (g_str_equal (type, "e"))
    {
      cell.type = GDNN_XLSX_CELL_ERROR;
      text = g_strndup (s->value->str, s->value->len);
    }
  else if (g_str_equal (type, "b") || g_str_equal (type, "n"))
    {
      if (!parse_double (s->value->str, &cell.number) ||
          (type[0] == 'b' && cell.number != 0 && cell.number != 1))
        {
          parse_fail (p, GDNN_XLSX_ERROR_MALFORMED,
                      _("The cell %s of the sheet “%s” holds “%s”, which is not a number."), name, p->sheet,
                      s->value->str);
          return;
        }
      cell.type = type[0] == 'b' ? GDNN_XLSX_CELL_BOOLEAN : GDNN_XLSX_CELL_NUMBER;
      text = g_strndup (s->value->str, s->value->len);
    }
  else
    {
      parse_fail (p, GDNN_XLSX_ERROR_MALFORMED, _("The cell %s of the sheet “%s” has the unknown type “%s”."), name,
                  p->sheet, type);
      return;
    }

  if (!g_utf8_validate (text, -1, NULL) || !g_utf8_validate (s->formula->str, s->formula->len, NULL))
    {
      g_free (text);
      parse_fail (p, GDNN_XLSX_ERROR_MALFORMED, _("The cell %s of the sheet “%s” is not valid UTF-8."), name, p->sheet);
      return;
    }
  if (g_hash_table_size (s->sheet->cells) >= p->xlsx->limits.max_cells)
    {
      g_free (text);
      parse_fail (p, GDNN_XLSX_ERROR_TOO_LARGE, _("The sheet “%s” of the workbook has more than %u cells."), p->sheet,
                  p->xlsx->limits.max_cells);
      return;
    }
  slot = g_new0 (CellSlot, 1);
  slot->key = (gint64) s->cell_row * GDNN_XLSX_MAX_COLS + s->cell_col;
  slot->text = text;
  slot->formula = s->has_formula ? g_strndup (s->formula->str, s->formula->len) : NULL;
  slot->cell = cell;
  slot->cell.text = text;
  slot->cell.formula = slot->formula;
  if (g_hash_table_contains (s->sheet->cells, &slot->key))
    {
      slot_free (slot);
      parse_fail (p, GDNN_XLSX_ERROR_MALFORMED, _("The cell %s of the sheet “%s” is given twice."), name, p->sheet);
      return;
    }
  g_hash_table_add (s->sheet->cells, slot);
  s->sheet->n_rows = MAX (s->sheet->n_rows, s->cell_row + 1);
}

static void
sheet_end (Parse      *p,
           const char *name)
{
  SheetParse *s = p->data;

  if (g_str_equal (name, "sheetData"))
    s->in_data = FALSE;
  else if (!s->in_cell)
    return;
  else if (g_str_equal (name, "v") && p->collect)
    {
      p->collect = FALSE;
      s->has_value = TRUE;
      g_string_assign (s->value, p->text->str);
    }
  else if (g_str_equal (name, "f") && p->collect && !s->in_inline)
    {
      p->collect = FALSE;
      s->has_formula = TRUE;
      g_string_assign (s->formula, p->text->str);
    }
  else if (g_str_equal (name, "t") && p->collect)
    {
      p->collect = FALSE;
      if (s->inline_text->len + p->text->len > MAX_TEXT)
        {
          parse_fail (p, GDNN_XLSX_ERROR_TOO_LARGE, _("%s of the workbook holds a text longer than 1 MiB."),
                      p->label);
          return;
        }
      g_string_append_len (s->inline_text, p->text->str, p->text->len);
    }
  else if (g_str_equal (name, "rPh") && s->in_phonetic > 0)
    s->in_phonetic--;
  else if (g_str_equal (name, "is"))
    s->in_inline = FALSE;
  else if (g_str_equal (name, "c"))
    {
      s->in_cell = FALSE;
      store_cell (p, s);
    }
}

GdnnXlsxSheet *
gdnn_xlsx_read_sheet (GdnnXlsx  *xlsx,
                      guint      index,
                      GError   **error)
{
  g_autoptr(GdnnXlsxSheet) sheet = NULL;
  SheetParse s = { 0 };
  gboolean ok;

  g_return_val_if_fail (index < xlsx->sheet_paths->len, NULL);

  sheet = g_new0 (GdnnXlsxSheet, 1);
  /* The key is the first member of the slot. */
  sheet->cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, slot_free, NULL);
  s.sheet = sheet;
  s.row = -1;
  s.value = g_string_new (NULL);
  s.inline_text = g_string_new (NULL);
  s.formula = g_string_new (NULL);
  {
    Parse p = { 0 };

    p.start = sheet_start;
    p.end = sheet_end;
    p.data = &s;
    p.sheet = g_ptr_array_index (xlsx->sheet_names, index);
    ok = parse_entry (xlsx, g_ptr_array_index (xlsx->sheet_paths, index), &p, error);
  }
  g_string_free (s.value, TRUE);
  g_string_free (s.inline_text, TRUE);
  g_string_free (s.formula, TRUE);
  g_free (s.type);
  return ok ? g_steal_pointer (&sheet) : NULL;
}

void
gdnn_xlsx_sheet_free (GdnnXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_hash_table_unref (sheet->cells);
  g_free (sheet);
}

guint
gdnn_xlsx_sheet_get_n_rows (GdnnXlsxSheet *sheet)
{
  return sheet->n_rows;
}

const GdnnXlsxCell *
gdnn_xlsx_sheet_get_cell (GdnnXlsxSheet *sheet,
                          guint          row,
                          guint          col)
{
  gint64 key;
  CellSlot *slot;

  if (row >= GDNN_XLSX_MAX_ROWS || col >= GDNN_XLSX_MAX_COLS)
    return &empty_cell;
  key = (gint64) row * GDNN_XLSX_MAX_COLS + col;
  slot = g_hash_table_lookup (sheet->cells, &key);
  return slot != NULL ? &slot->cell : &empty_cell;
}

const GdnnXlsxCell *
gdnn_xlsx_sheet_get_cell_ref (GdnnXlsxSheet *sheet,
                              const char    *ref)
{
  guint row, col;

  if (!gdnn_xlsx_parse_ref (ref, NULL, &row, &col) || strchr (ref, '!') != NULL)
    return NULL;
  return gdnn_xlsx_sheet_get_cell (sheet, row, col);
}
