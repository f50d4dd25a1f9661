-- Headless Neovim (0.7+) drives OUR server over stdio: diagnostics and hover on test/editors/sample.syncml.
-- Run: SERVER=/abs/dist/server-node.js FILE=/abs/test/editors/sample.syncml nvim --headless -u NONE -i NONE -n -c 'luafile nvim-test.lua'
-- Exit status: 0 pass, 1 wrong result, 2 client did not start, 3 not initialized.
local function out(s) io.stdout:write(s .. '\n') end
local failures = 0
local function check(ok, what)
  out((ok and 'ok   ' or 'FAIL ') .. what)
  if not ok then failures = failures + 1 end
end
local server_exit
local function finish(code)
  -- Polite stop (shutdown + exit); the server must then exit with status 0.
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop() end
  vim.wait(5000, function() return server_exit ~= nil end, 50)
  if code == 0 and server_exit ~= 0 then
    out('FAIL server exit status after shutdown/exit: ' .. tostring(server_exit))
    code = 1
  end
  vim.cmd(code .. 'cquit')
end

local function main()
  local server = assert(os.getenv('SERVER'), 'set SERVER')
  local file = assert(os.getenv('FILE'), 'set FILE')

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  -- A plain XML filetype on purpose: the server decides from the SyncML root element.
  vim.bo[bufnr].filetype = 'xml'

  -- Find "needle" in the buffer: 0-based line and (ASCII file) column.
  local function find(needle)
    for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
      local col = line:find(needle, 1, true)
      if col then return i - 1, col - 1 end
    end
    error('not in buffer: ' .. needle)
  end

  local client_id = vim.lsp.start_client({
    name = 'syncml',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    -- Neovim 0.7 does not advertise workspace/configuration, so, like nvim-lspconfig, push the settings
    -- once initialized (0.8+ also answers the server's workspace/configuration pull from `settings`).
    settings = { syncml = { diagnostics = { severity = { ['wrong-code-family'] = 'error' } } } },
    on_init = function(c) c.notify('workspace/didChangeConfiguration', { settings = c.config.settings }) end,
    on_exit = function(code, signal)
      server_exit = code
      out(('server exited code=%s signal=%s'):format(code, signal))
    end,
  })
  if not client_id then out('FAIL: start_client returned nil'); finish(2) end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local ok = vim.wait(10000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end, 50)
  if not ok then out('FAIL: client not initialized in 10s'); finish(3) end
  local client = vim.lsp.get_client_by_id(client_id)
  check(client.server_capabilities ~= nil and client.server_capabilities.hoverProvider == true, 'server advertises hover')

  -- Diagnostics: 1200 in a Status is a wrong-code-family, on exactly the four digits, as an error (our setting).
  -- (Wait for the publication that reflects the pushed settings; an earlier one may use the defaults.)
  local diags = {}
  vim.wait(10000, function()
    diags = vim.diagnostic.get(bufnr)
    for _, d in ipairs(diags) do
      if d.severity == vim.diagnostic.severity.ERROR then return true end
    end
    return false
  end, 50)
  out('diagnostics: ' .. #diags)
  for _, d in ipairs(diags) do
    out(('  %d:%d-%d sev=%d src=%s code=%s msg=%s'):format(d.lnum, d.col, d.end_col, d.severity, tostring(d.source), tostring(d.code), d.message))
  end
  local line1200, col1200 = find('<Data>1200')
  col1200 = col1200 + #'<Data>'
  local wrong
  for _, d in ipairs(diags) do
    if d.code == 'wrong-code-family' then wrong = d end
  end
  check(wrong ~= nil, 'a wrong-code-family diagnostic')
  if wrong then
    check(wrong.lnum == line1200 and wrong.col == col1200 and wrong.end_col == col1200 + 4, 'its range is exactly "1200"')
    check(wrong.source == 'syncml', 'its source is syncml')
    check(wrong.severity == vim.diagnostic.severity.ERROR, 'the severity setting (error) was applied')
  end

  -- Hover on 404 in the Status of a Get.
  local line404, col404 = find('<Data>404')
  local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = line404, character = col404 + #'<Data>' + 1 },
  }, 5000)
  local hover = ''
  for _, r in pairs(results or {}) do
    if r.err then out('hover error: ' .. vim.inspect(r.err)) end
    if r.result and r.result.contents then
      local c = r.result.contents
      hover = type(c) == 'table' and (c.value or c[1] or '') or c
    end
  end
  out('hover: ' .. hover:gsub('\n', ' '):sub(1, 200))
  check(hover:lower():find('not found', 1, true) ~= nil, 'hover on 404 says Not Found')

  -- Completion inside the Data of a Status offers status codes.
  local comp = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = line404, character = col404 + #'<Data>' },
  }, 5000)
  local labels = {}
  for _, r in pairs(comp or {}) do
    local items = r.result and (r.result.items or r.result) or {}
    for _, item in ipairs(items) do labels[item.label] = true end
  end
  check(labels['404'] == true and labels['200'] == true, 'completion offers 404 and 200')

  out(failures == 0 and 'RESULT: PASS' or ('RESULT: FAIL (' .. failures .. ')'))
  finish(failures == 0 and 0 or 1)
end

-- Any Lua error is a failure, not a hang.
local ok, err = pcall(main)
if not ok then
  out('ERROR ' .. tostring(err))
  finish(1)
end
