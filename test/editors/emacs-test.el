;;; emacs-test.el --- Emacs (28+) with eglot drives OUR server over stdio -*- lexical-binding: t -*-
;; Run: SERVER=/abs/dist/server-node.js FILE=/abs/test/editors/sample.syncml emacs --batch -Q -l emacs-test.el
;; Exit status: 0 pass, 1 fail.

;; With -Q, Debian's elpa-eglot is not on the load path.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (add-to-list 'load-path dir))
(require 'eglot)

(defvar syncml-failures 0)
(defun out (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun check (ok what)
  (out "%s %s" (if ok "ok  " "FAIL") what)
  (unless ok (setq syncml-failures (1+ syncml-failures))))

(defun syncml-find (needle)
  "Buffer position of the start of NEEDLE."
  (save-excursion
    (goto-char (point-min))
    (search-forward needle)
    (match-beginning 0)))

(let* ((server-js (getenv "SERVER"))
       (file (getenv "FILE"))
       (eglot-server-programs `((nxml-mode . ("node" ,server-js "--stdio"))))
       (server nil)
       (process nil))
  ;; What the server pulls with workspace/configuration (section "syncml").
  (setq-default eglot-workspace-configuration
                '(:syncml (:diagnostics (:severity (:wrong-code-family "error")))))
  (condition-case err
      (progn
        (find-file file)
        (nxml-mode)                     ; languageId "nxml": the server decides from the SyncML root
        (eglot-ensure)                  ; deferred to a command loop that batch mode lacks, so:
        (unless (eglot-current-server)
          (let ((eglot-sync-connect t)) (call-interactively #'eglot)))
        (with-timeout (10 (error "server not connected"))
          (while (not (eglot-current-server)) (accept-process-output nil 0.05)))
        (setq server (eglot-current-server))
        (setq process (jsonrpc--process server))
        (out "connected: %s" (eglot--project-nickname server))
        (flymake-mode 1)

        ;; Diagnostics: wrong-code-family on exactly "1200", as an error (our setting).
        (let ((deadline (+ (float-time) 10)) diags wrong)
          (while (and (< (float-time) deadline)
                      (not (setq wrong (seq-find (lambda (d) (and (string-match-p "wrong-code-family" (flymake-diagnostic-text d))
                                                                  (eq (flymake-diagnostic-type d) 'eglot-error)))
                                                 (setq diags (flymake-diagnostics))))))
            (flymake-start)
            (accept-process-output nil 0.05))
          (out "diagnostics: %d" (length diags))
          (dolist (d diags)
            (out "  %d-%d %s %s" (flymake-diagnostic-beg d) (flymake-diagnostic-end d)
                 (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
          (check wrong "a wrong-code-family diagnostic with the error severity from the settings")
          (when wrong
            (let ((beg (+ (syncml-find "<Data>1200") (length "<Data>"))))
              (check (and (= (flymake-diagnostic-beg wrong) beg) (= (flymake-diagnostic-end wrong) (+ beg 4)))
                     "its range is exactly \"1200\""))
            (check (string-match-p "syncml" (flymake-diagnostic-text wrong)) "its source is syncml")))

        ;; Hover on 404 in the Status of a Get.
        (goto-char (+ (syncml-find "<Data>404") (length "<Data>") 1))
        (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
               (contents (plist-get hover :contents))
               (text (if (stringp contents) contents (or (plist-get contents :value) ""))))
          (out "hover: %s" (replace-regexp-in-string "\n" " " (truncate-string-to-width text 200)))
          (check (string-match-p "[Nn]ot [Ff]ound" text) "hover on 404 says Not Found"))

        ;; The look-up request of the VS Code command, from another client.
        (let* ((e (jsonrpc-request server :syncml/explain '(:input "404" :family "fumo-result")))
               (meanings (plist-get e :meanings)))
          (check (and (> (length meanings) 0)
                      (equal (plist-get (aref meanings 0) :name) "Failed Firmware Update Package Validation"))
                 "syncml/explain 404 in fumo-result")))
    (error (out "ERROR: %S" err) (setq syncml-failures (1+ syncml-failures))))

  ;; Polite shutdown by hand: eglot-shutdown (1.9) deletes the process right after `exit`, so the
  ;; status would be a SIGKILL. Send shutdown + exit ourselves and let the server exit on its own.
  (when server
    (condition-case err
        (progn
          (jsonrpc-request server :shutdown nil :timeout 5)
          (jsonrpc-notify server :exit nil))
      (error (out "shutdown error: %S" err)))
    (with-timeout (5 nil)
      (while (process-live-p process) (accept-process-output nil 0.05)))
    (let ((status (process-exit-status process)))
      (out "server exited: %s" status)
      (check (and (not (process-live-p process)) (eq status 0)) "server exit status 0 after shutdown/exit"))
    (ignore-errors (eglot-shutdown server)))
  (out (if (= syncml-failures 0) "RESULT: PASS" (format "RESULT: FAIL (%d)" syncml-failures)))
  (kill-emacs (if (= syncml-failures 0) 0 1)))
