/// The fixture contract reads and writes JSON through the package's one JSON layer (module
/// `JSON`: ``JSONValue``, its parser and writer); it is re-exported so that users of `Fixtures`
/// see the same types.
@_exported import JSON
