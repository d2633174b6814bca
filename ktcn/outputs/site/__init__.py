"""`ktcn site`: the records as a self-contained static web site (see `ktcn.outputs.site.build`).

Imported only by the site command: no other command pays for it.
"""
