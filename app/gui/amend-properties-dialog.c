/* amend-properties-dialog.c: the regulation's properties as a form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The properties live in the front matter of the Markdown (title,
 * citation, authority, authority-name, work, date, in-force: the keys the
 * XML exports read, see amend-xml-meta).  The form shows them with their
 * meaning and checks their form as they are typed; Apply writes them back
 * into the front matter of the editor's text, leaving the rest of the text
 * as it is.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "amend-project.h"
#include "amend-properties-dialog.h"

struct _AmendPropertiesDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *title_row;
  AdwEntryRow      *citation_row;
  AdwEntryRow      *authority_row;
  AdwEntryRow      *authority_name_row;
  AdwEntryRow      *work_row;
  AdwEntryRow      *date_row;
  AdwEntryRow      *in_force_row;
  GtkLabel         *hint_label;
};

G_DEFINE_FINAL_TYPE (AmendPropertiesDialog, amend_properties_dialog, ADW_TYPE_MESSAGE_DIALOG)

typedef struct {
  const char *key;
  gsize       offset;   /* of the row in the instance */
} Field;

static const Field fields[] = {
  { "title", G_STRUCT_OFFSET (AmendPropertiesDialog, title_row) },
  { "citation", G_STRUCT_OFFSET (AmendPropertiesDialog, citation_row) },
  { "authority", G_STRUCT_OFFSET (AmendPropertiesDialog, authority_row) },
  { "authority-name", G_STRUCT_OFFSET (AmendPropertiesDialog, authority_name_row) },
  { "work", G_STRUCT_OFFSET (AmendPropertiesDialog, work_row) },
  { "date", G_STRUCT_OFFSET (AmendPropertiesDialog, date_row) },
  { "in-force", G_STRUCT_OFFSET (AmendPropertiesDialog, in_force_row) },
};

static GtkWidget *
row_of (AmendPropertiesDialog *self,
        const Field           *field)
{
  return *(GtkWidget **) G_STRUCT_MEMBER_P (self, field->offset);
}

GtkWidget *
amend_properties_dialog_get_row (AmendPropertiesDialog *self,
                                 const char            *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].key, key))
      return row_of (self, &fields[i]);
  return NULL;
}

const char *
amend_properties_dialog_get_hint (AmendPropertiesDialog *self)
{
  return gtk_label_get_text (self->hint_label);
}

static char *
text_of (AmendPropertiesDialog *self,
         const char            *key)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (amend_properties_dialog_get_row (self, key)))));
}

static gboolean
is_date (const char *text)
{
  g_autofree char *stamp = g_strconcat (text, "T00:00:00Z", NULL);
  g_autoptr(GDateTime) date = NULL;

  if (strlen (text) != 10)
    return FALSE;
  date = g_date_time_new_from_iso8601 (stamp, NULL);
  return date != NULL;
}

static gboolean
is_authority (const char *text)
{
  return g_regex_match_simple ("^(gm|pv|ws|mnre)[0-9]{1,4}$", text, 0, 0);
}

/* What is wrong with the value of @key, or NULL: the same rules as the
 * XML export's, said before the export fails. */
static const char *
problem (const char *key,
         const char *value)
{
  if (g_str_equal (key, "title") && *value == '\0')
    return _("The title is needed.");
  if (g_str_equal (key, "authority") && !is_authority (value))
    return _("The code of the authority is like gm0363 (a municipality), pv27 (a province) or ws0155 (a water board).");
  if (g_str_equal (key, "work") && !g_str_has_prefix (value, "/akn/nl/act/"))
    return _("The work identifier starts with /akn/nl/act/, then the code, the year and a name: /akn/nl/act/gm0363/2027/apv. "
             "Fill In makes it.");
  if (g_str_equal (key, "date") && !is_date (value))
    return _("The date is written as 2027-03-01.");
  if (g_str_equal (key, "in-force") && *value != '\0' && !is_date (value))
    return _("The date of entry into force is written as 2027-03-01, or left empty.");
  return NULL;
}

static void
validate (AmendPropertiesDialog *self)
{
  const char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = text_of (self, fields[i].key);
      const char *wrong = problem (fields[i].key, value);

      if (wrong)
        gtk_widget_add_css_class (row_of (self, &fields[i]), "error");
      else
        gtk_widget_remove_css_class (row_of (self, &fields[i]), "error");
      first = first ? first : wrong;
    }
  gtk_label_set_text (self->hint_label, first ? first : _("Complete: the regulation can be exported."));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", TRUE);
}

static void
suggest_work (AmendPropertiesDialog *self)
{
  g_autofree char *authority = text_of (self, "authority");
  g_autofree char *date = text_of (self, "date");
  g_autofree char *citation = text_of (self, "citation");
  g_autofree char *title = text_of (self, "title");
  g_autofree char *work = amend_work_suggest (authority, date, *citation ? citation : title);

  gtk_editable_set_text (GTK_EDITABLE (self->work_row), work);
}

/* Writes the form into @doc's front matter: a value left empty is left
 * out when it was not there, and emptied when it was. */
void
amend_properties_dialog_apply (AmendPropertiesDialog *self,
                               AmendDocument         *doc)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = text_of (self, fields[i].key);

      if (*value != '\0' || amend_document_get_meta (doc, fields[i].key) != NULL)
        amend_document_set_meta (doc, fields[i].key, value);
    }
}

AmendPropertiesDialog *
amend_properties_dialog_new (GtkWindow     *parent,
                             AmendDocument *doc)
{
  AmendPropertiesDialog *self = g_object_new (AMEND_TYPE_PROPERTIES_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *value = doc ? amend_document_get_meta (doc, fields[i].key) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (row_of (self, &fields[i])), value ? value : "");
    }
  validate (self);
  return self;
}

static void
amend_properties_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AMEND_TYPE_PROPERTIES_DIALOG);
  G_OBJECT_CLASS (amend_properties_dialog_parent_class)->dispose (object);
}

static void
amend_properties_dialog_class_init (AmendPropertiesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = amend_properties_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amend/Amend/amend-properties-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmendPropertiesDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AmendPropertiesDialog, citation_row);
  gtk_widget_class_bind_template_child (widget_class, AmendPropertiesDialog, authority_row);
  gtk_widget_class_bind_template_child (widget_class, AmendPropertiesDialog, authority_name_row);
  gtk_widget_class_bind_template_child (widget_class, AmendPropertiesDialog, work_row);
  gtk_widget_class_bind_template_child (widget_class, AmendPropertiesDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AmendPropertiesDialog, in_force_row);
  gtk_widget_class_bind_template_child (widget_class, AmendPropertiesDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, suggest_work);
}

static void
amend_properties_dialog_init (AmendPropertiesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
