// run_apps_script.js SCRIPT.gs: runs the createForm() of an Apps Script that `tna questionnaire
// --tool google-forms` wrote, against a stand-in for Apps Script's Forms service (FormApp), and
// prints as JSON the form it would have built: its title, description and items in order,
// each with its type, title, help text, required flag, choices, rows, columns and whether it
// offers "Other". Only the methods Google documents for FormApp, Form and its items are
// provided: a call to anything else fails the run, as it would in Apps Script.
"use strict";
const fs = require("fs");
const vm = require("vm");

const items = [];
const form = { title: null, description: null, progressBar: null, items };

function item(type) {
  const it = { type, title: null, help: null, required: false, choices: null, rows: null,
               columns: null, other: false };
  items.push(it);
  const api = {
    setTitle(t) { it.title = String(t); return api; },
    setHelpText(t) { it.help = String(t); return api; },
    setRequired(r) { it.required = !!r; return api; },
    setChoiceValues(v) { it.choices = v.map(String); return api; },
    showOtherOption(b) { it.other = !!b; return api; },
    setRows(v) { it.rows = v.map(String); return api; },
    setColumns(v) { it.columns = v.map(String); return api; },
  };
  if (type === "text") { delete api.setChoiceValues; delete api.showOtherOption; }
  if (type !== "grid") { delete api.setRows; delete api.setColumns; }
  if (type === "list" || type === "pagebreak" || type === "grid") delete api.showOtherOption;
  if (type === "pagebreak") { delete api.setRequired; delete api.setChoiceValues; }
  return api;
}

const Form = {
  setDescription(d) { form.description = String(d); return Form; },
  setProgressBar(b) { form.progressBar = !!b; return Form; },
  addTextItem() { return item("text"); },
  addListItem() { return item("list"); },
  addMultipleChoiceItem() { return item("multiple"); },
  addCheckboxItem() { return item("checkbox"); },
  addGridItem() { return item("grid"); },
  addPageBreakItem() { return item("pagebreak"); },
  getEditUrl() { return "https://docs.google.com/forms/d/FORM/edit"; },
  getPublishedUrl() { return "https://docs.google.com/forms/d/e/FORM/viewform"; },
};
const FormApp = { create(title) { form.title = String(title); return Form; } };
const Logger = { log() {} };

const code = fs.readFileSync(process.argv[2], "utf8");
const context = vm.createContext({ FormApp, Logger });
vm.runInContext(code, context, { filename: process.argv[2] });
vm.runInContext("createForm()", context);
process.stdout.write(JSON.stringify(form, null, 1) + "\n");
