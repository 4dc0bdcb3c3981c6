const en = {
  signIn: {
    title: 'Sign in to Pipewright',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    demoHint: 'Demo: demo@pipewright.local / pipewright-demo',
  },
  invite: {
    title: 'Join {{workspace}}',
    subtitle: 'You are invited as {{role}} with {{email}}.',
    name: 'Your name',
    password: 'Choose a password (10 characters or more)',
    submit: 'Create my account',
    invalid: 'This invitation link has expired or was already used. Ask for a new one.',
  },
  roles: { admin: 'admin', manager: 'manager', rep: 'sales rep' },
};

const vi: typeof en = {
  signIn: {
    title: 'Đăng nhập Pipewright',
    email: 'Email',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    submitting: 'Đang đăng nhập…',
    demoHint: 'Bản demo: demo@pipewright.local / pipewright-demo',
  },
  invite: {
    title: 'Tham gia {{workspace}}',
    subtitle: 'Bạn được mời với vai trò {{role}}, email {{email}}.',
    name: 'Họ và tên',
    password: 'Chọn mật khẩu (ít nhất 10 ký tự)',
    submit: 'Tạo tài khoản',
    invalid: 'Liên kết mời đã hết hạn hoặc đã được dùng. Hãy xin một liên kết mới.',
  },
  roles: { admin: 'quản trị viên', manager: 'quản lý', rep: 'nhân viên kinh doanh' },
};

export const authMessages = { en, vi };
