/* bootstrap-table's jQuery plugin as Great Expectations' Data Docs call it, drawn by DataTables
 * (the XStatic-DataTables package): no XStatic package ships bootstrap-table, and the pages only
 * use it to draw tables from inline data. Covered: columns (field, title, sortable, visible),
 * data (HTML cells kept), search, pagination and page size, initial sort, rowStyle and
 * rowAttributes (the row links), the `click-row.bs.table` event, and the methods the pages call
 * ('clearFilterControl', 'resetSearch'). Per-column filter controls are not drawn.
 * Columns GX fills with plain text from outside (the run name is a document's file name; the
 * run time and asset name) are drawn as text, never as HTML: a file name is not markup. */
(function ($) {
  "use strict";
  var TEXT_FIELDS = { run_name: true, run_time: true, asset_name: true };
  function yes(value) { return value === true || value === "true"; }
  function asText(data, type) {
    if (type !== "display" || data === null || data === undefined) { return data; }
    return $("<div>").text(String(data)).html();
  }
  function named(value) { return typeof value === "string" ? window[value] : value; }

  $.fn.bootstrapTable = function (options) {
    var $table = this;
    if (typeof options === "string") {
      if ($.fn.dataTable.isDataTable($table)) {
        $table.DataTable().search("").columns().search("").draw();
      }
      return $table;
    }
    var o = options || {};
    var columns = (o.columns || []).map(function (c) {
      return {
        data: c.field,
        title: c.title || "",
        defaultContent: "",
        orderable: c.sortable === undefined ? true : yes(c.sortable),
        visible: c.visible === undefined ? true : yes(c.visible),
        className: c.align ? "text-" + c.align : "",
        render: TEXT_FIELDS[c.field] ? asText : null
      };
    });
    var order = [];
    columns.forEach(function (c, i) {
      if (o.sortName && c.data === o.sortName) { order = [[i, o.sortOrder === "desc" ? "desc" : "asc"]]; }
    });
    var rowAttributes = named(o.rowAttributes);
    var rowStyle = named(o.rowStyle);
    $table.addClass("table table-sm table-hover").DataTable({
      data: o.data || [],
      columns: columns,
      order: order,
      searching: yes(o.search) || columns.length > 0,
      paging: yes(o.pagination),
      pageLength: parseInt(o.pageSize, 10) || 10,
      autoWidth: false,
      createdRow: function (row, data, index) {
        if (rowAttributes) {
          $.each(rowAttributes(data, index) || {}, function (key, value) { $(row).attr(key, value); });
        }
        if (rowStyle) {
          var style = rowStyle(data, index);
          if (style && style.css) { $(row).css(style.css); }
        }
      }
    });
    $table.on("click", "tbody tr", function () {
      var $row = $(this);
      $table.trigger("click-row.bs.table", [$table.DataTable().row($row).data(), $row]);
    });
    return $table;
  };
})(jQuery);
