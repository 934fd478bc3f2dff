"""The frame around the pages: the case page (workspace, 基本信息, 文书), the
studio settings page (设置/工作室) and the window state kept between sessions."""
